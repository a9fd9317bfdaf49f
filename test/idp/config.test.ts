import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoConfig, IdpConfigError, loadConfig, parseConfig } from '../../src/idp/config.ts';
import { CompiledApplication } from '../../src/idp/mapping/evaluate.ts';

const ROLE = 'https://aws.amazon.com/SAML/Attributes/Role';

function configWith(app: string, extra = ''): string {
  return `users:
  - { username: alice, name: Alice, email: a@example.com, password: pw, groups: [devs] }
groups:
  - { name: devs, attributes: { aws_role: developer } }
${extra}applications:
  - slug: aws
    acsUrl: https://signin.aws.amazon.com/saml
    audience: urn:amazon:webservices
${app}`;
}

function problem(text: string): string {
  try {
    parseConfig(text, 'team.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(IdpConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('demo configuration', () => {
  it('demo/idp.yaml holds exactly the built-in demo', () => {
    const fromFile = loadConfig(resolve(import.meta.dirname, '../../demo/idp.yaml'));
    expect({ ...fromFile, source: '' }).toEqual({ ...demoConfig(), source: '' });
  });

  it('demo/idp-scim-photos-removed.yaml holds the demo whose SCIM mapping removes photos', () => {
    const fromFile = loadConfig(
      resolve(import.meta.dirname, '../../demo/idp-scim-photos-removed.yaml'),
    );
    const expected = demoConfig({ scimPhotosRemoved: true });
    expect({ ...fromFile, source: '' }).toEqual({ ...expected, source: '' });
    expect(expected.applications.find((a) => a.scim)?.scim?.mappings).toEqual([
      { name: 'photos', value: null },
    ]);
    expect(demoConfig().users.find((u) => u.username === 'alice')?.photo).toMatch(/^https:/);
  });

  it('generates as many roles as asked for the many-roles user', () => {
    const config = demoConfig({ manyRoles: 500 });
    const app = new CompiledApplication(
      config,
      config.applications.find((a) => a.slug === 'aws')!,
    );
    const output = app.map(config.users.find((u) => u.username === 'many')!);
    const roles = output.attributes.find((a) => a.name === ROLE)!.values;
    expect(roles).toHaveLength(500);
    expect(new Set(roles.map((r) => r.split(':')[4])).size).toBe(10);
  });
});

describe('bad configurations name the file, the entry and the problem', () => {
  it('unknown key', () => {
    expect(problem(configWith('    colour: blue\n'))).toBe(
      'team.yaml: applications[0] (aws): unknown key "colour" (allowed: slug, label, acsUrl, audience, spMetadata, nameIdFormat, nameId, assertionValidSeconds, sign, mappings, relayState, groups, scim)',
    );
  });

  it('missing field', () => {
    expect(problem(configWith('').replace('    audience: urn:amazon:webservices\n', ''))).toBe(
      'team.yaml: applications[0] (aws): missing required field "audience"',
    );
  });

  it('a mapping with neither value nor expression', () => {
    expect(problem(configWith(`    mappings:\n      - { name: ${ROLE} }\n`))).toBe(
      `team.yaml: applications[0] (aws) mappings[0] (${ROLE}): give exactly one of "value" or "expression"`,
    );
  });

  it('an expression that throws', () => {
    expect(
      problem(
        configWith(
          `    mappings:\n      - { name: ${ROLE}, expression: "return user.nope.deeper" }\n`,
        ),
      ),
    ).toMatch(
      new RegExp(
        `^team\\.yaml: application aws, mapping ${ROLE}: expression threw: .*undefined.* \\(user alice\\)$`,
      ),
    );
  });

  it('an expression that does not compile', () => {
    expect(
      problem(configWith(`    mappings:\n      - { name: ${ROLE}, expression: "return (" }\n`)),
    ).toMatch(/^team\.yaml: application aws, mapping .*Role: expression does not compile: /);
  });

  it('an expression that runs too long', () => {
    expect(
      problem(
        configWith(`    mappings:\n      - { name: ${ROLE}, expression: "while (true) {}" }\n`),
      ),
    ).toMatch(/mapping .*Role: expression ran longer than 1000 ms and was stopped/);
  });

  it('an expression returning an object', () => {
    expect(
      problem(
        configWith(`    mappings:\n      - { name: ${ROLE}, expression: "return { a: 1 }" }\n`),
      ),
    ).toMatch(/returned an object; return a string, a list of strings, or null/);
  });

  it('a bad role ARN', () => {
    const text = configWith(
      `    mappings:\n      - { name: ${ROLE}, value: "arn:aws:iam::12345:role/dev,arn:aws:iam::123412341234:saml-provider/local" }\n`,
    );
    expect(problem(text)).toMatch(
      /^team\.yaml: application aws, mapping .*Role: for user alice, value 1 ".*": account ID "12345" is not 12 digits/,
    );
  });

  it('a group that is not defined', () => {
    expect(problem(configWith('').replace('groups: [devs]', 'groups: [dev]'))).toBe(
      'team.yaml: users[0] (alice): group "dev" is not defined under groups',
    );
  });

  it('invalid YAML', () => {
    expect(problem('users: [\n')).toMatch(/^team\.yaml: line \d+, column \d+: not valid YAML: /);
  });

  it('an unknown name ID format', () => {
    expect(problem(configWith('    nameIdFormat: email\n'))).toBe(
      'team.yaml: applications[0] (aws): "nameIdFormat" must be one of persistent | transient | emailAddress | unspecified, found "email"',
    );
  });

  it('SP metadata with a DOCTYPE', () => {
    const text = configWith('').replace(
      / {4}acsUrl.*\n {4}audience.*\n/,
      '    spMetadata: |\n      <!DOCTYPE x [<!ENTITY a "b">]><EntityDescriptor entityID="x"/>\n',
    );
    expect(problem(text)).toBe(
      'team.yaml: applications[0] (aws) spMetadata: the SP metadata contains a DOCTYPE, which is refused (entities are never expanded)',
    );
  });

  it('reports a missing file by its path', () => {
    expect(() => loadConfig('/nonexistent/idp.yaml')).toThrow(
      'no such file: /nonexistent/idp.yaml',
    );
  });
});

describe('applications from SP metadata (IAM Identity Center)', () => {
  it('take the ACS URL and the audience from the metadata', () => {
    const identityCenter = demoConfig().applications.find((a) => a.slug === 'aws-identity-center')!;
    expect(identityCenter.acsUrl).toBe(
      'https://us-east-1.signin.aws.amazon.com/platform/saml/acs/6f1e3c0a-8e0b-4b8e-9a1f-2c3d4e5f6a7b',
    );
    expect(identityCenter.audience).toBe(
      'https://us-east-1.signin.aws.amazon.com/platform/saml/d-9067c0ffee',
    );
    expect(identityCenter.nameIdFormat).toBe('emailAddress');
  });
});
