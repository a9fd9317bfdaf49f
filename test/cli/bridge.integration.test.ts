import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFrame, FrameReader } from '../../src/cli/bridge/framing.ts';
import {
  EXTENSION_ID,
  makeSandbox,
  runCli,
  runCliSync,
  startFakeBrowser,
  type FakeBrowser,
  type Sandbox,
  type Script,
} from './bridge-harness.ts';

const ROLE = (name: string) => `arn:aws:iam::111111111111:role/${name}`;
const CREDENTIALS = {
  accessKeyId: 'ASIAFAKEBRIDGEKEY',
  secretAccessKey: 'fake-secret-from-the-extension',
  sessionToken: 'fake-session-token',
  expiration: '2030-01-01T00:00:00Z',
};

/** The fake extension: what each role's request gets. */
const script: Script = (request) => {
  if (request.type === 'status')
    return {
      ok: true,
      type: 'status',
      status: { extensionVersion: '9.9.9', roleArns: [ROLE('Ok'), ROLE('team/Ops')] },
    };
  const name = String(request.roleArn).split('/').at(-1);
  const error = (code: string, message: string, extra = {}) => ({
    ok: false,
    error: { code, message, ...extra },
  });
  switch (name) {
    case 'Ok':
    case 'Ops':
      return { ok: true, type: 'credentials', credentials: CREDENTIALS };
    case 'Off':
      return error('bridge-off', 'the bridge is off');
    case 'Missing':
      return error('no-capture', 'no capture holds arn:aws:iam::111111111111:role/Missing');
    case 'SignIn':
      return error('idp-needs-user', 'the IdP showed a login page', {
        signInUrl: 'https://idp.example/sso',
      });
    case 'Sts':
      return error('sts-refused', 'AccessDenied: not authorized');
    case 'Malformed':
      return { ok: true, type: 'credentials', credentials: { accessKeyId: 'x' } };
    default:
      return undefined; // silent: the client's timeout
  }
};

let sandbox: Sandbox;
let manifestPath: string;
let browser: FakeBrowser;

beforeAll(async () => {
  sandbox = makeSandbox();
  const installed = runCliSync(sandbox, [
    'bridge',
    'install',
    '--browser',
    'chromium',
    '--profile-dir',
    sandbox.profileDir,
    '--extension-id',
    EXTENSION_ID,
  ]);
  expect(installed).toMatchObject({ code: 0, stderr: '' });
  manifestPath = join(sandbox.profileDir, 'NativeMessagingHosts', 'saml_roles.bridge.json');
  browser = startFakeBrowser(manifestPath, sandbox.env, script);
  await browser.waitForLog(/listening on/);
});
afterAll(async () => {
  await browser?.close();
  sandbox?.cleanup();
});

const credentialProcess = (role: string, ...more: string[]) =>
  runCli(sandbox, ['credential-process', '--role', ROLE(role), ...more]);

describe('bridge install', () => {
  it('writes a manifest for the extension and a private launcher, and a second run changes nothing', () => {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    expect(manifest).toMatchObject({
      name: 'saml_roles.bridge',
      type: 'stdio',
      allowed_origins: [`chrome-extension://${EXTENSION_ID}/`],
    });
    expect(manifest.path.startsWith(join(sandbox.dir, 'data', 'saml-roles', 'bridge'))).toBe(true);
    expect(statSync(manifest.path).mode & 0o777).toBe(0o700);
    expect(readFileSync(manifest.path, 'utf8')).toContain(`'${process.execPath}'`);
    const before = statSync(manifestPath).mtimeMs;
    const again = runCliSync(sandbox, [
      'bridge',
      'install',
      '--browser',
      'chromium',
      '--profile-dir',
      sandbox.profileDir,
      '--extension-id',
      EXTENSION_ID,
    ]);
    expect(again.stdout).toContain('already installed');
    expect(statSync(manifestPath).mtimeMs).toBe(before);
  });

  it('makes the socket 600 in a 700 directory', () => {
    expect(statSync(sandbox.socketPath).mode & 0o777).toBe(0o600);
    expect(statSync(join(sandbox.dir, 'run', 'saml-roles')).mode & 0o777).toBe(0o700);
  });
});

describe('credential-process through the host', () => {
  it("prints the extension's credentials as credential_process JSON", async () => {
    const run = await credentialProcess('Ok', '--duration', '3600', '--region', 'eu-west-1');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual({
      Version: 1,
      AccessKeyId: CREDENTIALS.accessKeyId,
      SecretAccessKey: CREDENTIALS.secretAccessKey,
      SessionToken: CREDENTIALS.sessionToken,
      Expiration: CREDENTIALS.expiration,
    });
    expect(browser.requests.at(-1)).toMatchObject({
      type: 'credentials',
      roleArn: ROLE('Ok'),
      durationSeconds: 3600,
      region: 'eu-west-1',
    });
  });

  it.each([
    ['Off', 11, /bridge is off/],
    ['Missing', 12, /no capture holds the role/],
    ['SignIn', 13, /^saml-roles credential-process: sign in at https:\/\/idp\.example\/sso/],
    ['Sts', 14, /STS refused: AccessDenied/],
    ['Malformed', 16, /refused/],
  ])('exits with its own code when the extension says %s', async (role, code, message) => {
    const run = await credentialProcess(role);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('times out when the extension is silent (exit 15)', async () => {
    const run = await credentialProcess('Silent', '--timeout', '1');
    expect(run).toMatchObject({ code: 15, stdout: '' });
    expect(run.stderr).toMatch(/no answer from the extension within 1 s/);
  });

  it('serves concurrent clients, each its own answer', async () => {
    const runs = await Promise.all(
      ['Ok', 'Missing', 'team/Ops', 'Sts', 'Ok'].map((role) => credentialProcess(role)),
    );
    expect(runs.map((run) => run.code)).toEqual([0, 12, 0, 14, 0]);
  });

  it('survives a hostile socket client and answers it with errors', async () => {
    const answers = await new Promise<unknown[]>((resolve) => {
      const socket = connect(sandbox.socketPath);
      const reader = new FrameReader(1024 * 1024);
      const got: unknown[] = [];
      socket.on('data', (chunk: Buffer) => {
        for (const event of reader.push(chunk)) if (event.kind === 'message') got.push(event.value);
      });
      socket.on('close', () => resolve(got));
      const garbage = Buffer.from([4, 0, 0, 0, 0x7b, 0x7b, 0x7b, 0x7b]);
      socket.write(Buffer.concat([garbage, encodeFrame({ v: 1, id: 'z', type: 'nope' }, 1024)]));
      // Then a length of 4 GB: refused at once, and the connection closed.
      socket.write(Buffer.from([0xff, 0xff, 0xff, 0xff]));
    });
    expect(answers.map((answer) => (answer as { error: { code: string } }).error.code)).toEqual([
      'bad-request',
      'bad-request',
      'bad-request',
    ]);
    const after = await credentialProcess('Ok');
    expect(after.code).toBe(0);
  });

  it('configure writes a profile per role the extension holds, and a second run changes nothing', async () => {
    const config = join(sandbox.dir, 'aws-config');
    const first = await runCli(sandbox, ['configure', '--config-file', config]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const text = readFileSync(config, 'utf8');
    expect(text).toContain('[profile 111111111111-Ok]');
    expect(text).toContain('[profile 111111111111-team-Ops]');
    expect(text).toMatch(
      /credential_process = \S+ \S+ credential-process --role arn:aws:iam::111111111111:role\/team\/Ops\n/,
    );
    const second = await runCli(sandbox, ['configure', '--config-file', config]);
    expect(second.stdout).toContain('up to date');
    expect(readFileSync(config, 'utf8')).toBe(text);
    expect(existsSync(`${config}.bak`)).toBe(false);
  });

  it('bridge status names the install and the connected extension', async () => {
    const run = await runCli(sandbox, [
      'bridge',
      'status',
      '--browser',
      'chromium',
      '--profile-dir',
      sandbox.profileDir,
    ]);
    expect(run.stdout).toContain(
      `chromium: installed ${manifestPath} for chrome-extension://${EXTENSION_ID}/`,
    );
    expect(run.stdout).toContain('extension 9.9.9 connected, 2 roles');
    expect(run.code).toBe(0);
  });

  it("keeps secrets out of the host's stderr (the browser logs it)", () => {
    expect(browser.stderr()).not.toContain(CREDENTIALS.secretAccessKey);
    expect(browser.stderr()).not.toContain(CREDENTIALS.sessionToken);
  });
});

describe('the host and its socket', () => {
  it('refuses a caller the manifest does not list', async () => {
    const stranger = startFakeBrowser(manifestPath, sandbox.env, script, [
      `chrome-extension://${'p'.repeat(32)}/`,
    ]);
    expect(await new Promise((resolve) => stranger.host.on('close', resolve))).toBe(1);
    expect(stranger.stderr()).toMatch(
      /refused: the calling extension .* is not in .*allowed_origins/,
    );
  });

  it("a second browser's host waits, then takes over when the first exits", async () => {
    const second = startFakeBrowser(manifestPath, sandbox.env, () => ({
      ok: false,
      error: { code: 'bridge-off', message: 'second browser' },
    }));
    await second.waitForLog(/another host serves/);
    expect((await credentialProcess('Ok')).code).toBe(0);
    expect(await browser.close()).toBe(0);
    await second.waitForLog(/listening on/);
    const run = await credentialProcess('Ok');
    expect(run.stderr).toMatch(/second browser/);
    browser = second;
  });

  it('replaces a stale socket left by a host that died', async () => {
    expect(await browser.close()).toBe(0);
    expect(existsSync(sandbox.socketPath)).toBe(false);
    expect((await credentialProcess('Ok')).code).toBe(10);
    // A process that listens on the path and is killed leaves the socket file behind.
    const holder = spawn(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(sandbox.socketPath)}, () => console.log('up'))`,
    ]);
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.on('close', resolve));
    expect(existsSync(sandbox.socketPath)).toBe(true);
    browser = startFakeBrowser(manifestPath, sandbox.env, script);
    await browser.waitForLog(/listening on/);
    expect((await credentialProcess('Ok')).code).toBe(0);
  });

  it('says the host is not running when there is no socket (exit 10)', async () => {
    await browser.close();
    const run = await credentialProcess('Ok');
    expect(run.code).toBe(10);
    expect(run.stderr).toMatch(/no bridge host at .*bridge\.sock \(ENOENT\): start the browser/);
  });
});
