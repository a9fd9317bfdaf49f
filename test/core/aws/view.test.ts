import { describe, expect, it } from 'vitest';
import { buildAwsView } from '../../../src/core/aws/view.ts';
import { groupRolesByAccount } from '../../../src/core/aws/group.ts';
import { parseSamlXml } from '../../../src/core/saml/parse.ts';
import {
  buildSamlResponse,
  providerArn,
  roleArn,
  type FixtureOptions,
} from '../../support/saml-fixture.ts';

const view = (options: FixtureOptions) => buildAwsView(parseSamlXml(buildSamlResponse(options)));

describe('buildAwsView', () => {
  it('reads pairs in either order, with padding and across several Role attributes', () => {
    const roles: [string, string][] = [
      [roleArn('111111111111', 'Admin'), providerArn('111111111111')],
      [roleArn('222222222222', 'path/to/ReadOnly'), providerArn('222222222222', 'Okta')],
      [roleArn('111111111111', 'Dev'), providerArn('111111111111')],
    ];
    const result = view({
      roles,
      providerFirst: (i) => i === 1,
      padValue: (v) => `\n   ${v.replace(',', ' ,\n ')}  \n`,
      roleAttributes: 2,
    });
    expect(result.roles).toEqual([
      {
        roleArn: roles[0]![0],
        providerArn: roles[0]![1],
        partition: 'aws',
        accountId: '111111111111',
        roleName: 'Admin',
        providerName: 'MyIdP',
      },
      {
        roleArn: roles[1]![0],
        providerArn: roles[1]![1],
        partition: 'aws',
        accountId: '222222222222',
        roleName: 'path/to/ReadOnly',
        providerName: 'Okta',
      },
      {
        roleArn: roles[2]![0],
        providerArn: roles[2]![1],
        partition: 'aws',
        accountId: '111111111111',
        roleName: 'Dev',
        providerName: 'MyIdP',
      },
    ]);
    expect(result.roleProblems).toEqual([]);
    expect(groupRolesByAccount(result.roles).map((g) => [g.accountId, g.roles.length])).toEqual([
      ['111111111111', 2],
      ['222222222222', 1],
    ]);
  });

  it('reads role,provider, as its pair, and gives the real problem of a value with a trailing comma', () => {
    const good = roleArn('111111111111', 'A');
    const result = view({
      roles: [
        [good, `${providerArn('111111111111')},`],
        [roleArn('11111111111', 'B'), `${providerArn('111111111111')},`],
      ],
    });
    expect(result.roles.map((pair) => pair.roleArn)).toEqual([good]);
    expect(result.roleProblems.map((p) => [p.index, p.reason])).toEqual([
      [1, expect.stringContaining('account ID "11111111111" is not 12 digits')],
    ]);
  });

  it('lists duplicate pairs once', () => {
    const pair: [string, string] = [roleArn('111111111111', 'A'), providerArn('111111111111')];
    expect(view({ roles: [pair, pair] }).roles).toHaveLength(1);
  });

  it('explains values that are not one role ARN and one provider ARN', () => {
    const good = roleArn('111111111111', 'A');
    const result = view({
      roles: [
        [good, `${providerArn('111111111111')},extra`],
        [good, ''],
        [good, good],
        ['arn:aws:s3:::bucket', providerArn('111111111111')],
      ],
    });
    expect(result.roles).toEqual([]);
    expect(result.roleProblems.map((p) => [p.index, p.reason])).toEqual([
      [0, expect.stringContaining('found 3 comma-separated parts')],
      [1, expect.stringContaining('(1 empty)')],
      [2, expect.stringContaining('found two role ARNs')],
      [3, expect.stringContaining('service is "s3", expected "iam"')],
    ]);
  });

  it('reads session name, duration, source identity, tags and transitive keys', () => {
    const result = view({
      sessionName: ' alice ',
      sessionDuration: '3600',
      extraAttributes: [
        { name: 'https://aws.amazon.com/SAML/Attributes/SourceIdentity', values: ['alice'] },
        { name: 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:team', values: ['blue'] },
        { name: 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:cost-center', values: ['42'] },
        {
          name: 'https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys',
          values: ['team', ' cost-center '],
        },
      ],
    });
    expect(result).toMatchObject({
      sessionName: 'alice',
      sessionDurationRaw: '3600',
      sessionDuration: 3600,
      sourceIdentity: 'alice',
      principalTags: { team: 'blue', 'cost-center': '42' },
      transitiveTagKeys: ['team', 'cost-center'],
      roleAttributePresent: true,
    });
  });

  it('keeps PrincipalTag keys named like Object.prototype members, on a map with no prototype', () => {
    const tag = (key: string, value: string) => ({
      name: `https://aws.amazon.com/SAML/Attributes/PrincipalTag:${key}`,
      values: [value],
    });
    const result = view({
      extraAttributes: [
        tag('constructor', 'a'),
        tag('toString', 'b'),
        tag('__proto__', 'c'),
        tag('hasOwnProperty', 'd'),
        tag('constructor', 'second value ignored'),
      ],
    });
    expect(Object.getPrototypeOf(result.principalTags)).toBeNull();
    expect(Object.entries(result.principalTags)).toEqual([
      ['constructor', 'a'],
      ['toString', 'b'],
      ['__proto__', 'c'],
      ['hasOwnProperty', 'd'],
    ]);
    expect(JSON.parse(JSON.stringify(result.principalTags))).toHaveProperty('__proto__', 'c');
  });

  it('keeps a non-integer duration raw only', () => {
    const result = view({ sessionDuration: '1h' });
    expect(result.sessionDurationRaw).toBe('1h');
    expect(result.sessionDuration).toBeUndefined();
  });

  it('recognises an IAM Identity Center response', () => {
    const acs =
      'https://us-east-1.signin.aws.amazon.com/platform/saml/acs/3f1c2b6e-1111-2222-3333-444455556666';
    const xml = buildSamlResponse({ recipient: acs, destination: acs }).replace(
      /<saml2:Attribute Name="https:\/\/aws.amazon.com\/SAML\/Attributes\/Role".*?<\/saml2:Attribute>/,
      '',
    );
    const result = buildAwsView(parseSamlXml(xml));
    expect(result.roleAttributePresent).toBe(false);
    expect(result.identityCenter).toEqual({ acsUrl: acs, region: 'us-east-1' });
  });

  it('recognises Identity Center when the IdP sends an empty Role attribute, but not when a role is sent', () => {
    const acs = 'https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/abc';
    expect(view({ roles: [], recipient: acs, destination: acs }).identityCenter).toEqual({
      acsUrl: acs,
      region: 'eu-west-1',
    });
    expect(view({ recipient: acs, destination: acs }).identityCenter).toBeUndefined();
  });
});
