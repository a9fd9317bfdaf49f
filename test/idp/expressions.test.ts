import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/idp/config.ts';
import { CompiledApplication, MappingError } from '../../src/idp/mapping/evaluate.ts';

const ROLE = 'https://aws.amazon.com/SAML/Attributes/Role';
const SESSION = 'https://aws.amazon.com/SAML/Attributes/RoleSessionName';
const PAIR = 'arn:aws:iam::123412341234:role/dev,arn:aws:iam::123412341234:saml-provider/local';

/** Maps one user through one application whose mappings are given as YAML. */
function mapAlice(
  mappings: string,
  user = '{ username: alice, name: Alice, email: alice@example.com, password: pw, groups: [b-team, a-team] }',
) {
  const config = parseConfig(
    `users:
  - ${user}
groups:
  - { name: a-team, attributes: { aws_role: first, region: eu } }
  - { name: b-team, attributes: { aws_role: dev, aws_roles: ["${PAIR}", "arn:aws:iam::999999999999:saml-provider/p,arn:aws:iam::999999999999:role/admin"] } }
applications:
  - slug: aws
    acsUrl: https://signin.aws.amazon.com/saml
    audience: urn:amazon:webservices
    mappings:
${mappings}`,
    'guide.yaml',
  );
  return new CompiledApplication(config, config.applications[0]!).map(config.users[0]!);
}

describe('mappings from the authentik and Auth0 AWS guides', () => {
  it('a static pair (value)', () => {
    expect(mapAlice(`      - { name: ${ROLE}, value: "${PAIR}" }`).attributes).toEqual([
      { name: ROLE, values: [PAIR] },
    ]);
  });

  it('a pair built from a group attribute', () => {
    const out = mapAlice(`      - name: ${ROLE}
        expression: |
          const role = user.groupAttributes().aws_role ?? "";
          return \`arn:aws:iam::123412341234:role/\${role},arn:aws:iam::123412341234:saml-provider/local\`;`);
    expect(out.attributes[0]!.values).toEqual([PAIR]);
  });

  it('a list of pairs for a choice, one AttributeValue each', () => {
    const out = mapAlice(
      `      - { name: ${ROLE}, expression: "return user.groupAttributes().aws_roles" }`,
    );
    expect(out.attributes[0]!.values).toHaveLength(2);
  });

  it('a static list value', () => {
    const out = mapAlice(
      `      - name: ${ROLE}\n        value: ["${PAIR}", "arn:aws:iam::999999999999:role/admin,arn:aws:iam::999999999999:saml-provider/p"]`,
    );
    expect(out.attributes[0]!.values).toHaveLength(2);
  });

  it('user.username, and a per-user attribute list (Auth0 user metadata)', () => {
    const user = `{ username: alice, name: Alice, email: a@x.io, password: pw, groups: [a-team], attributes: { awsRole: ["${PAIR}"] } }`;
    const out = mapAlice(
      `      - { name: ${SESSION}, expression: "return user.username" }\n      - { name: ${ROLE}, expression: "return user.attributes.awsRole" }`,
      user,
    );
    expect(out.attributes).toEqual([
      { name: SESSION, values: ['alice'] },
      { name: ROLE, values: [PAIR] },
    ]);
  });
});

describe('expression semantics', () => {
  it('merges group attributes with groups sorted by name, later overriding earlier', () => {
    // a-team says "first", b-team says "dev": b-team sorts last and wins whatever the user's order.
    const out = mapAlice(
      `      - { name: r, expression: "const a = user.groupAttributes(); return a.aws_role + '/' + a.region" }`,
    );
    expect(out.attributes[0]!.values).toEqual(['dev/eu']);
  });

  it('leaves the attribute out for null, undefined and ""', () => {
    const out = mapAlice(
      `      - { name: a, expression: "return null" }\n      - { name: b, expression: "return" }\n      - { name: c, expression: "return ''" }\n      - { name: d, value: x, friendlyName: D }`,
    );
    expect(out.attributes).toEqual([{ name: 'd', friendlyName: 'D', values: ['x'] }]);
  });

  it('sees the application it maps for', () => {
    expect(
      mapAlice(
        `      - { name: a, expression: "return application.slug + ' ' + application.audience" }`,
      ).attributes[0]!.values,
    ).toEqual(['aws urn:amazon:webservices']);
  });

  it('runs without access to the host process', () => {
    expect(
      mapAlice(`      - { name: a, expression: "return typeof process + ' ' + typeof require" }`)
        .attributes[0]!.values,
    ).toEqual(['undefined undefined']);
  });

  it('reports an expression that throws at mint time, naming the file, app and mapping', () => {
    // Passes the start-up check (first call) and throws on the next one.
    const config = parseConfig(
      `users: [{ username: alice, password: pw }]
applications:
  - slug: flaky
    acsUrl: https://signin.aws.amazon.com/saml
    audience: urn:amazon:webservices
    mappings:
      - { name: x, expression: "globalThis.calls = (globalThis.calls ?? 0) + 1; if (globalThis.calls > 1) throw new Error('second call'); return 'ok'" }`,
      'flaky.yaml',
    );
    const app = new CompiledApplication(config, config.applications[0]!);
    expect(app.map(config.users[0]!).attributes[0]!.values).toEqual(['ok']);
    expect(() => app.map(config.users[0]!)).toThrow(MappingError);
    expect(() => app.map(config.users[0]!)).toThrow(
      'flaky.yaml: application flaky, mapping x: expression threw: second call (user alice)',
    );
  });
});

describe('the expression context', () => {
  it('has no host object to climb out of: this.constructor.constructor reaches no process', () => {
    expect(() =>
      mapAlice(
        `      - { name: ${SESSION}, expression: "return String(this.constructor.constructor('return process')().pid)" }`,
      ),
    ).toThrow(/expression threw: Code generation from strings disallowed/);
  });

  it('sees neither process nor require', () => {
    expect(
      mapAlice(
        `      - { name: ${SESSION}, expression: "return typeof process + ',' + typeof require + ',' + Object.getPrototypeOf(globalThis)" }`,
      ).attributes[0]!.values,
    ).toEqual(['undefined,undefined,[object Object]']);
  });
});
