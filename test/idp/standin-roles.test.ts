import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samlFederationTrustPolicy } from '../../src/idp/standin/roles/default-trust-policy.ts';
import { loadRolesFile, parseRoles } from '../../src/idp/standin/roles/load-roles.ts';
import { RoleTable } from '../../src/idp/standin/roles/role-table.ts';

const ARN = 'arn:aws:iam::123412341234:role/developer';
const POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::123412341234:saml-provider/corp' },
      Action: 'sts:AssumeRoleWithSAML',
    },
  ],
};
const noFiles = (file: string): never => {
  throw new Error(`no file ${file} in this test`);
};
const parse = (yaml: string) => parseRoles(yaml, 'roles.yaml', noFiles);

describe('ROLES.yaml', () => {
  it('reads each role with its MaxSessionDuration and inline trust policy', () => {
    expect(
      parse(`roles:
  - arn: ${ARN}
    maxSessionDuration: 7200
    trustPolicy: ${JSON.stringify(POLICY)}
  - arn: arn:aws-us-gov:iam::123412341234:role/team/ops
`),
    ).toEqual([
      { arn: ARN, maxSessionDuration: 7200, trustPolicy: POLICY },
      { arn: 'arn:aws-us-gov:iam::123412341234:role/team/ops' },
    ]);
  });

  it('reads trustPolicyFile relative to the YAML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roles-'));
    writeFileSync(join(dir, 'trust.json'), JSON.stringify(POLICY));
    writeFileSync(
      join(dir, 'roles.yaml'),
      `roles:\n  - arn: ${ARN}\n    trustPolicyFile: trust.json\n`,
    );
    expect(loadRolesFile(join(dir, 'roles.yaml'))).toEqual([{ arn: ARN, trustPolicy: POLICY }]);
  });

  it.each([
    ['roles: nope', 'roles.yaml: "roles" must be a list, found "nope"'],
    ['other: 1', 'roles.yaml: unknown key "other" (allowed: roles)'],
    [
      'roles: [{ arn: "arn:aws:iam::1234:role/x" }]',
      'roles.yaml: roles[0] (arn:aws:iam::1234:role/x): "arn" must be an IAM role ARN',
    ],
    [
      `roles: [{ arn: ${ARN}, maxSessionDuration: 3599 }]`,
      `roles[0] (${ARN}): "maxSessionDuration" must be 3600 to 43200 seconds (IAM's bounds), found 3599`,
    ],
    [`roles: [{ arn: ${ARN}, maxSessionDuration: 43201 }]`, 'must be 3600 to 43200 seconds'],
    [
      `roles: [{ arn: ${ARN}, maxSessionDuration: "1h" }]`,
      '"maxSessionDuration" must be a positive whole number, found "1h"',
    ],
    [`roles: [{ arn: ${ARN}, trustpolicy: {} }]`, 'unknown key "trustpolicy"'],
    [`roles: [{ arn: ${ARN} }, { arn: ${ARN} }]`, `roles[1] (${ARN}): the role is listed twice`],
    [
      `roles: [{ arn: ${ARN}, trustPolicy: {}, trustPolicyFile: a.json }]`,
      'give "trustPolicy" or "trustPolicyFile", not both',
    ],
    [
      `roles: [{ arn: ${ARN}, trustPolicy: "allow" }]`,
      '"trustPolicy" must be a JSON object (an IAM policy document)',
    ],
    [
      `roles: [{ arn: ${ARN}, trustPolicy: { Version: "2012-10-17" } }]`,
      '"trustPolicy" has no Statement',
    ],
    [
      `roles: [{ arn: ${ARN}, trustPolicy: { Statement: [{ Effect: "allow", Action: "sts:AssumeRoleWithSAML" }] } }]`,
      'Statement[0] has Effect "allow", not "Allow" or "Deny"',
    ],
    [
      `roles: [{ arn: ${ARN}, trustPolicy: { Statement: { Effect: "Allow" } } }]`,
      'Statement[0] has no Action',
    ],
    [
      `roles: [{ arn: ${ARN}, trustPolicy: { Version: "2012-10-17", Statment: [] } }]`,
      'has an unknown element "Statment"',
    ],
    ['roles:\n  - arn: [', 'roles.yaml: line 2, column'],
  ])('refuses %s, naming where', (yaml, message) => {
    expect(() => parse(yaml)).toThrow(message);
  });

  it('names a policy file that is not JSON, or missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roles-'));
    writeFileSync(join(dir, 'bad.json'), '{ "Version": ');
    writeFileSync(
      join(dir, 'roles.yaml'),
      `roles:\n  - arn: ${ARN}\n    trustPolicyFile: bad.json\n`,
    );
    expect(() => loadRolesFile(join(dir, 'roles.yaml'))).toThrow(
      `"trustPolicyFile" ${join(dir, 'bad.json')} is not JSON`,
    );
    writeFileSync(
      join(dir, 'roles.yaml'),
      `roles:\n  - arn: ${ARN}\n    trustPolicyFile: gone.json\n`,
    );
    expect(() => loadRolesFile(join(dir, 'roles.yaml'))).toThrow(
      `trustPolicyFile: no such file: ${join(dir, 'gone.json')}`,
    );
    expect(() => loadRolesFile(join(dir, 'none.yaml'))).toThrow(
      `--roles: no such file: ${join(dir, 'none.yaml')}`,
    );
  });
});

describe('the roles IAM knows', () => {
  const pair = {
    roleArn: ARN,
    providerArn: 'arn:aws:iam::123412341234:saml-provider/corp',
    partition: 'aws' as const,
    accountId: '123412341234',
    roleName: 'developer',
    providerName: 'corp',
  };

  it("gives a role not listed IAM's defaults: one hour and the console's SAML trust policy", () => {
    expect(new RoleTable().configFor(pair)).toEqual({
      arn: ARN,
      maxSessionDuration: 3600,
      trustPolicy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: 'arn:aws:iam::123412341234:saml-provider/corp' },
            Action: 'sts:AssumeRoleWithSAML',
            Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
          },
        ],
      },
    });
  });

  it("writes each partition's own sign-in URL as SAML:aud", () => {
    expect(
      JSON.stringify(samlFederationTrustPolicy('arn:aws-cn:iam::1:saml-provider/x', 'aws-cn')),
    ).toContain('"SAML:aud":"https://signin.amazonaws.cn/saml"');
    expect(
      JSON.stringify(
        samlFederationTrustPolicy('arn:aws-us-gov:iam::1:saml-provider/x', 'aws-us-gov'),
      ),
    ).toContain('"SAML:aud":"https://signin.amazonaws-us-gov.com/saml"');
  });

  it('keeps what is configured and fills in the rest', () => {
    const table = new RoleTable([{ arn: ARN, maxSessionDuration: 43200 }]);
    expect(table.configFor(pair).maxSessionDuration).toBe(43200);
    expect(table.configFor(pair).trustPolicy).toEqual(
      samlFederationTrustPolicy(pair.providerArn, 'aws'),
    );
  });
});
