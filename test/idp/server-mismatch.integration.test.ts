// `idp mint` and `idp metadata` against the IdP last started with the same data dir: they warn
// (one stderr line) exactly when their output would not match what that server signs with.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runIdpCommand } from '../../src/cli/commands/idp.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { inspect, systemClock } from '../../src/core/index.ts';
import { stringify } from 'yaml';
import { demoConfig, parseConfig } from '../../src/idp/config.ts';
import { demoConfigData } from '../../src/idp/config/demo.ts';
import { generateSelfSigned } from '../../src/idp/crypto/selfsigned.ts';
import { SERVER_RECORD_FILE } from '../../src/idp/crypto/server-record.ts';
import { startIdp } from '../../src/idp/server.ts';
import { tempDir } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshDir(): Promise<string> {
  const dir = await tempDir();
  cleanups.push(() => dir.remove());
  return dir.path;
}

async function serve(options: Parameters<typeof startIdp>[0]) {
  const idp = await startIdp(options);
  cleanups.push(() => idp.close());
  return idp;
}

async function idp(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: () => Promise.resolve(''),
    readFile: () => Promise.reject(new Error('not used')),
    env,
    fetch: () => Promise.reject(new Error('not used')),
    now: systemClock,
  };
  expect(await runIdpCommand(args, io)).toBe(0);
  return { stdout, stderr };
}

const MINT = ['mint', '--demo', '--user', 'alice', '--app', 'aws'];

describe('idp mint and idp metadata beside the server of the same data dir', () => {
  it('say when they made a new key, which a server uses only with the same --data-dir', async () => {
    const dir = await freshDir();
    const first = await idp(['metadata', '--demo', '--data-dir', dir]);
    expect(first.stderr).toBe(
      `saml-roles idp metadata: warning: ${dir} held no signing key, so this made a new one there; the IdP signs with it only when started with --data-dir ${dir}\n`,
    );
    expect((await idp(['metadata', '--demo', '--data-dir', dir])).stderr).toBe('');
  });

  it('say a new key in the default data dir is used by a server started without --data-dir', async () => {
    const home = await freshDir();
    const dir = join(home, 'saml-roles', 'idp');
    const { stderr } = await idp(['metadata', '--demo'], { XDG_DATA_HOME: home });
    expect(stderr).toBe(
      `saml-roles idp metadata: warning: ${dir} held no signing key, so this made a new one there; the IdP signs with it only when started without --data-dir\n`,
    );
  });

  it('warn when the server listened elsewhere, and match it exactly with its --url', async () => {
    const dir = await freshDir();
    const server = await serve({ config: demoConfig(), port: 0, dataDir: dir });
    const fix = `(pass --url ${server.url})`;

    const defaults = await idp(['metadata', '--demo', '--data-dir', dir]);
    expect(defaults.stderr).toMatch(
      new RegExp(
        `^saml-roles idp metadata: warning: the IdP last started with data dir ${dir} \\(at ${server.url}, [0-9T:.-]+Z\\) signed as ${server.url}, not http://127.0.0.1:7000 \\(pass --url ${server.url}\\); IAM given this metadata would refuse its responses\n$`,
      ),
    );
    const minted = await idp([...MINT, '--data-dir', dir]);
    expect(minted.stderr).toContain(`signed as ${server.url}, not http://127.0.0.1:7000 ${fix}`);
    expect(minted.stderr).toContain('this response would not verify against its metadata');

    const matching = await idp(['metadata', '--demo', '--data-dir', dir, '--url', server.url]);
    expect(matching.stderr).toBe('');
    expect(matching.stdout).toBe(server.metadataXml);
    const served = await fetch(`${server.url}/metadata`);
    expect(await served.text()).toBe(matching.stdout);

    const mintedAlike = await idp([...MINT, '--data-dir', dir, '--url', `${server.url}/`]);
    expect(mintedAlike.stderr).toBe('');
    const { saml } = inspect(mintedAlike.stdout.trim());
    expect(saml.issuer).toBe(server.url);
    const certificate = /<ds:X509Certificate>([^<]+)</.exec(server.metadataXml)![1]!;
    expect(Buffer.from(mintedAlike.stdout.trim(), 'base64').toString('utf8')).toContain(
      `<ds:X509Certificate>${certificate}</ds:X509Certificate>`,
    );
  });

  it('warn when the server signed with its own --cert/--key instead of the data dir key', async () => {
    const dir = await freshDir();
    const given = await generateSelfSigned('given');
    const server = await serve({ config: demoConfig(), port: 0, dataDir: dir, ...given });
    const { stderr } = await idp([...MINT, '--data-dir', dir, '--url', server.url]);
    expect(stderr).toContain(`signed with its --cert/--key, not the key in ${dir}`);
    expect(stderr).not.toContain('signed as');
  });

  it('compare the SSO address when the config fixes the issuer', async () => {
    const dir = await freshDir();
    const yaml = `issuer: urn:example:idp\n${stringify(demoConfigData())}`;
    const file = join(dir, 'idp.yaml');
    await writeFile(file, yaml);
    const server = await serve({ config: parseConfig(yaml, file), port: 0, dataDir: dir });
    const { stderr } = await idp(['metadata', '--config', file, '--data-dir', dir]);
    expect(stderr).toContain(
      `served SSO at ${server.url}/sso, not http://127.0.0.1:7000/sso (pass --url ${server.url})`,
    );
    expect(stderr).not.toContain('signed as');
    expect(
      (await idp(['metadata', '--config', file, '--data-dir', dir, '--url', server.url])).stderr,
    ).toBe('');
  });

  it('ignore a record that is not one (nothing to compare with)', async () => {
    const dir = await freshDir();
    await idp(['metadata', '--demo', '--data-dir', dir]);
    await writeFile(join(dir, SERVER_RECORD_FILE), '{"url": 7');
    expect((await idp(['metadata', '--demo', '--data-dir', dir])).stderr).toBe('');
    // Its fields would reach the terminal: an escape sequence makes it no record at all.
    const hostile = {
      url: 'http://127.0.0.1:1\u001b]0;owned\u0007',
      entityId: 'http://127.0.0.1:1',
      certSha256: 'x',
      keySource: 'data-dir',
      startedAt: '2026-01-01T00:00:00Z',
    };
    await writeFile(join(dir, SERVER_RECORD_FILE), JSON.stringify(hostile));
    expect((await idp(['metadata', '--demo', '--data-dir', dir])).stderr).toBe('');
    await writeFile(
      join(dir, SERVER_RECORD_FILE),
      JSON.stringify({ ...hostile, url: 'http://127.0.0.1:1' }),
    );
    expect((await idp(['metadata', '--demo', '--data-dir', dir])).stderr).toContain(
      'signed with another key',
    );
  });
});
