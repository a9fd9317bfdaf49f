// Mapping mistakes a newcomer makes, each with an answer that points at the expression (issue 16).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdpConfigError, parseConfig } from '../../src/idp/config.ts';
import { resolveSigningKeys, type SigningKeys } from '../../src/idp/crypto/keystore.ts';
import { Minter } from '../../src/idp/mint.ts';
import { runMain } from '../cli/fake-io.ts';
import { tempDir } from './helpers.ts';

const ROLE = 'https://aws.amazon.com/SAML/Attributes/Role';
const SESSION = 'https://aws.amazon.com/SAML/Attributes/RoleSessionName';
const ROLE_VALUE =
  'arn:aws:iam::111111111111:role/Dev,arn:aws:iam::111111111111:saml-provider/local';

/** A one-application config whose RoleSessionName mapping is `expression` (a YAML block). */
function configWith(expression: string, role = `value: "${ROLE_VALUE}"`): string {
  const block = expression
    .split('\n')
    .map((line) => `          ${line}`)
    .join('\n');
  return `users:
  - { username: alice, password: pw, email: a@example.com, admin: true, attributes: { department: eng } }
  - { username: bob, password: pw }
applications:
  - slug: aws
    acsUrl: https://signin.aws.amazon.com/saml
    audience: urn:amazon:webservices
    mappings:
      - { name: ${ROLE}, ${role} }
      - name: ${SESSION}
        expression: |
${block}
`;
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

describe('a mapping expression that does not compile', () => {
  it('names the line and column inside the expression as written', () => {
    expect(problem(configWith('const prefix = "aws-";\nreturn prefix + user.username +;'))).toBe(
      `team.yaml: application aws, mapping ${SESSION}: expression does not compile: Unexpected token ';' at line 2, column 32 of the expression`,
    );
  });

  it('on the first line too', () => {
    expect(problem(configWith('return user.(username);'))).toBe(
      `team.yaml: application aws, mapping ${SESSION}: expression does not compile: Unexpected token '(' at line 1, column 13 of the expression`,
    );
  });

  it('an expression that ends too early is at its end, not on a line of the hidden wrapper', () => {
    expect(problem(configWith('const a = [user.email,\nuser.username'))).toBe(
      `team.yaml: application aws, mapping ${SESSION}: expression does not compile: Unexpected token '}' at the end of the expression (line 2, column 14)`,
    );
  });
});

describe('an attribute AWS requires that comes out empty', () => {
  let keys: SigningKeys;
  beforeAll(async () => {
    keys = await resolveSigningKeys({});
  });
  const minterFor = (text: string) =>
    new Minter(parseConfig(text, 'team.yaml'), keys, 'http://127.0.0.1:7000');

  it('mint warns with the user, the mapping and the likely typo', () => {
    const minted = minterFor(configWith('return user.usernme')).mint('alice', 'aws');
    expect(minted.warnings).toEqual([
      `team.yaml: application aws, mapping ${SESSION}: empty for user alice, so AWS will refuse the sign-in (RoleSessionName is required); user.usernme is not a property of user: did you mean user.username?`,
    ]);
  });

  it('a typo in a user attribute name is found too', () => {
    const minted = minterFor(configWith('return user.attributes.departmnet')).mint('alice', 'aws');
    expect(minted.warnings[0]).toContain(
      'user.attributes.departmnet is not an attribute of user alice: did you mean user.attributes.department?',
    );
  });

  it('an empty Role is named as well, with an attribute the user lacks', () => {
    const minted = minterFor(
      configWith('return user.username', 'expression: "return user.attributes.role"'),
    ).mint('bob', 'aws');
    expect(minted.warnings).toEqual([
      `team.yaml: application aws, mapping ${ROLE}: empty for user bob, so AWS will refuse the sign-in (Role is required); user.attributes.role is not an attribute of user bob`,
    ]);
  });

  it('without a name to question it says so plainly', () => {
    const minted = minterFor(
      configWith(
        'return user.username',
        `expression: "return user.groups.includes('aws') ? 'x' : null"`,
      ),
    ).mint('bob', 'aws');
    expect(minted.warnings).toEqual([
      `team.yaml: application aws, mapping ${ROLE}: empty for user bob, so AWS will refuse the sign-in (Role is required)`,
    ]);
  });

  it('every mapping filled: no warning', () => {
    expect(minterFor(configWith('return user.username')).mint('alice', 'aws').warnings).toEqual([]);
  });

  it('the preview carries the warning', () => {
    const output = minterFor(configWith('return user.usernme')).preview('alice', 'aws');
    expect(output.warnings).toHaveLength(1);
  });

  it('the minter lists the warnings of every user at start-up', () => {
    const minter = minterFor(configWith('return user.usernme'));
    expect(minter.startupWarnings.map((w) => /for user (\w+)/.exec(w)?.[1])).toEqual([
      'alice',
      'bob',
    ]);
  });

  it('is linear: a long expression with many user.X accesses is checked quickly', () => {
    const body = `return ${Array.from({ length: 20_000 }, (_, i) => `user.x${i}`).join(' || ')}`;
    const started = performance.now();
    const minted = minterFor(configWith(body)).mint('alice', 'aws');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(minted.warnings[0]!.length).toBeLessThan(1000);
  });
});

describe('saml-roles idp mint warns on stderr', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('and still prints the response', async () => {
    const file = join(dir.path, 'team.yaml');
    await writeFile(file, configWith('return user.usernme'));
    const result = await runMain([
      'idp',
      'mint',
      '--config',
      file,
      '--user',
      'alice',
      '--app',
      'aws',
      '--data-dir',
      dir.path,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[A-Za-z0-9+/=]+\n$/);
    // The data dir is new, so a second line says a key was made there (test/idp/server-mismatch).
    expect(result.stderr.split('\n')).toContain(
      `saml-roles idp: warning: ${file}: application aws, mapping ${SESSION}: empty for user alice, so AWS will refuse the sign-in (RoleSessionName is required); user.usernme is not a property of user: did you mean user.username?`,
    );
  });
});
