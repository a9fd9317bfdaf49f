import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFetch } from '../../src/cli/node-fetch.ts';
import { startScimmyServer, type ScimmyServer } from '../idp/scim/scimmy-server.ts';
import { runMain } from './fake-io.ts';

/** A config whose scim block names Identity Center; the tests point it elsewhere with the flags. */
function writeConfig(dir: string, users: string[], photosRemoved: boolean): string {
  const path = join(dir, `idp-${users.length}-${String(photosRemoved)}.yaml`);
  writeFileSync(
    path,
    `users:
${users.map((u) => `  - { username: ${u}, name: ${u[0]!.toUpperCase()}${u.slice(1)} Example, email: ${u}@example.com, password: pw, groups: [sso-users], photo: "https://example.com/${u}.png" }`).join('\n')}
groups:
  - { name: sso-users }
applications:
  - slug: aws-identity-center
    acsUrl: https://us-east-1.signin.aws.amazon.com/platform/saml/acs/x
    audience: https://us-east-1.signin.aws.amazon.com/platform/saml/d-1
    nameIdFormat: emailAddress
    groups: [sso-users]
    scim:
      url: https://scim.us-east-1.amazonaws.com/tenant/scim/v2
      tokenEnv: IDC_SCIM_TOKEN
${photosRemoved ? '      mappings:\n        - { name: photos, value: null }\n' : ''}`,
  );
  return path;
}

describe('saml-roles idp scim-sync, end to end against a SCIM server', () => {
  let server: ScimmyServer;
  afterEach(() => server.close());

  it('fails on photos with advice, then provisions, is idempotent and deactivates; the token never shows', async () => {
    server = await startScimmyServer({ refusePhotos: true });
    const dir = mkdtempSync(join(tmpdir(), 'scim-sync-'));
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, `${server.token}\n`);
    const run = (config: string, ...extra: string[]) =>
      runMain(
        [
          'idp',
          'scim-sync',
          '--config',
          config,
          '--scim-url',
          server.url,
          '--scim-token-file',
          tokenFile,
          ...extra,
        ],
        { fetch: nodeFetch, env: { IDC_SCIM_TOKEN: 'the-config-token-loses' } },
      );
    const everyone = ['alice', 'bob', 'carol'];

    const refused = await run(writeConfig(dir, everyone, false));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'saml-roles idp: aws-identity-center: POST /Users was refused (400 invalidValue): Request is unparsable: attribute photos is not supported\n  → photos is not supported by IAM Identity Center: add a mapping that removes it (scim: mappings: - { name: photos, value: null })\n',
    );

    const fixed = writeConfig(dir, everyone, true);
    server.takeWrites(); // the refused POST
    const dry = await run(fixed, '--dry-run');
    expect(dry.code).toBe(0);
    expect(server.takeWrites()).toEqual([]);
    expect(dry.stdout).toContain(`POST ${server.url}/Users\n  authorization: Bearer <redacted>\n`);
    expect(dry.stdout).toContain(
      'aws-identity-center: users to create 3, to update 0, to deactivate 0, unchanged 0',
    );
    expect(dry.stdout).toContain('dry run:');

    const first = await run(fixed);
    expect(first.stdout.split('\n').slice(0, 2)).toEqual([
      'aws-identity-center: users created 3, updated 0, deactivated 0, unchanged 0',
      'aws-identity-center: groups created 1, updated 0, unchanged 0; members added 3, removed 0',
    ]);
    expect(first.code).toBe(0);
    server.takeWrites();

    const second = await run(fixed);
    expect(server.takeWrites()).toEqual([]);
    expect(second.stdout).toMatch(
      /aws-identity-center: users created 0, updated 0, deactivated 0, unchanged 3\n/,
    );
    expect(second.stdout).toMatch(/aws-identity-center: \d+ reads, 0 writes\n$/);

    const without = await run(writeConfig(dir, ['alice', 'bob'], true));
    expect(without.stdout).toMatch(/users created 0, updated 0, deactivated 1, unchanged 2/);
    expect(without.stdout).toMatch(/members added 0, removed 1/);
    const carol = [...server.users.values()].find((u) => u.userName === 'carol@example.com');
    expect(carol?.active).toBe(false);

    // --scim-token-file won over the config's tokenEnv, and no output ever held either token.
    expect(server.log.every((r) => r.authorization === `Bearer ${server.token}`)).toBe(true);
    for (const result of [refused, dry, first, second, without])
      expect(`${result.stdout}${result.stderr}`).not.toMatch(
        new RegExp(`${server.token}|the-config-token-loses`),
      );
  });

  it('says what is wrong with the arguments in one line', async () => {
    server = await startScimmyServer();
    const dir = mkdtempSync(join(tmpdir(), 'scim-sync-'));
    const config = writeConfig(dir, ['alice'], true);
    const noToken = await runMain(
      ['idp', 'scim-sync', '--config', config, '--scim-url', server.url],
      {
        fetch: nodeFetch,
      },
    );
    expect(noToken).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'saml-roles idp: aws-identity-center: no SCIM token: the environment variable IDC_SCIM_TOKEN is not set (or empty)\n',
    });
    const unknownApp = await runMain(['idp', 'scim-sync', '--config', config, '--app', 'aws'], {});
    expect(unknownApp.stderr).toBe(
      `saml-roles idp: no application "aws" with a scim block in ${config} (with one: aws-identity-center)\n`,
    );
    expect(unknownApp.code).toBe(2);
    const plainHttp = await runMain(
      ['idp', 'scim-sync', '--config', config, '--scim-url', 'http://scim.example.com/scim/v2'],
      { env: { IDC_SCIM_TOKEN: 't' } },
    );
    expect(plainHttp.stderr).toBe(
      'saml-roles idp: aws-identity-center: --scim-url: the SCIM URL must be https (plain http only to 127.0.0.1, ::1 or localhost), found http://scim.example.com\n',
    );
  });
});
