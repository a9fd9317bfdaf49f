import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { buildSamlResponse, toBase64 } from '../../support/saml-fixture.ts';
import { fakeIo } from '../fake-io.ts';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'saml-roles-configure-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ADMIN = 'arn:aws:iam::123456789012:role/Admin';
const OPS = 'arn:aws:iam::123456789012:role/team/Ops';
const PROVIDER = 'arn:aws:iam::123456789012:saml-provider/idp';

async function configure(args: string[]) {
  const fake = fakeIo({ env: { HOME: join(dir, 'home') } });
  const io = { ...fake.io, readFile: (path: string) => readFile(path, 'utf8') };
  const code = await main(['configure', ...args], io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe('saml-roles configure --roles-from', () => {
  it('merges a profile per role, backs the file up first, and a second run writes nothing', async () => {
    const response = join(dir, 'response.txt');
    writeFileSync(
      response,
      toBase64(
        buildSamlResponse({
          roles: [
            [ADMIN, PROVIDER],
            [OPS, PROVIDER],
          ],
        }),
      ),
    );
    const config = join(dir, 'config');
    const original = '[default]\nregion = eu-west-1\n\n[profile 123456789012-Admin]\nregion = x\n';
    writeFileSync(config, original, { mode: 0o644 });

    const first = await configure(['--roles-from', response, '--config-file', config]);
    expect(first.code).toBe(0);
    // The user's own section of that name is kept, and said so.
    expect(first.stderr).toMatch(
      /\[profile 123456789012-Admin\] is in .* saml-roles did not write it/,
    );
    const text = readFileSync(config, 'utf8');
    expect(text.startsWith(original)).toBe(true);
    expect(text).toContain('[profile 123456789012-team-Ops]');
    expect(text).toMatch(/credential-process --role arn:aws:iam::123456789012:role\/team\/Ops\n$/);
    expect(readFileSync(`${config}.bak`, 'utf8')).toBe(original);
    expect(statSync(`${config}.bak`).mode & 0o777).toBe(0o600);
    expect(statSync(config).mode & 0o777).toBe(0o600);

    rmSync(`${config}.bak`);
    const second = await configure(['--roles-from', response, '--config-file', config]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('up to date');
    expect(readFileSync(config, 'utf8')).toBe(text);
    expect(() => statSync(`${config}.bak`)).toThrow(/ENOENT/);
  });

  it('names profiles by --profile-template and refuses a bad one', async () => {
    const response = join(dir, 'response.txt');
    writeFileSync(response, toBase64(buildSamlResponse({ roles: [[ADMIN, PROVIDER]] })));
    const config = join(dir, 'config');
    expect(
      (
        await configure([
          '--roles-from',
          response,
          '--config-file',
          config,
          '--profile-template',
          'x-{roleName}',
        ])
      ).code,
    ).toBe(0);
    expect(readFileSync(config, 'utf8')).toMatch(/^\[profile x-Admin\]\n/);
    const bad = await configure([
      '--roles-from',
      response,
      '--config-file',
      config,
      '--profile-template',
      '{nope}',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown placeholder "nope"/);
  });

  it('says where to get roles when no host runs', async () => {
    const fake = fakeIo({ env: { HOME: join(dir, 'home'), XDG_RUNTIME_DIR: join(dir, 'run') } });
    const code = await main(['configure', '--config-file', join(dir, 'config')], fake.io);
    expect(code).toBe(2);
    expect(fake.stderr()).toMatch(
      /no bridge host at .*: start the browser with the bridge on, or give --roles-from FILE/,
    );
  });
});
