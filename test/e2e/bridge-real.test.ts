// Issue 12's "Tested for real": the bridge with the real host. `saml-roles bridge install` writes
// the host manifest into the test browser's profile, the browser starts `saml-roles bridge host`
// through the launcher install wrote, and `saml-roles credential-process` runs as the AWS CLI runs
// it: a child process with the same HOME and XDG_RUNTIME_DIR. Then keep fresh through the bridge:
// with every assertion expired, the next call signs in again in a background tab.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEEP_FRESH_PERMISSIONS_BY_TARGET } from '../../src/platform/keep-fresh-permissions.ts';
import { STAND_IN_NAME } from '../../src/idp/standin/types.ts';
import { BROWSERS, DIST, E2E_WAIT_MS } from './harness.ts';
import { assumedRole, loginAt, openAwsApp, startWorld, type World } from './world.ts';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'saml-roles.js');
const ADMIN = 'arn:aws:iam::111111111111:role/Admin';
const TEAM_READ_ONLY = 'arn:aws:iam::111111111111:role/team/ReadOnly';
const DEPLOYER_SESSION = 'arn:aws:sts::222222222222:assumed-role/Deployer/bob';
/** Long enough for a sign-in and one call on a loaded machine; short enough to wait out. */
const SHORT_LIVED_SECONDS = 8;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a separate process, as the AWS CLI runs credential_process. */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env, timeout: 2 * E2E_WAIT_MS },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

interface ProcessCredentials {
  Version: number;
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
}

async function credentialProcess(roleArn: string, env: NodeJS.ProcessEnv) {
  const run = await cli(['credential-process', '--role', roleArn, '--timeout', '60'], env);
  if (run.code !== 0) throw new Error(`credential-process exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as ProcessCredentials;
}

function expectStandInKeys(keys: ProcessCredentials) {
  expect(keys.Version).toBe(1);
  expect(keys.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
  expect(keys.SecretAccessKey).toBeTruthy();
  // The stand-in marks its session tokens: these came from its STS.
  expect(Buffer.from(keys.SessionToken, 'base64').toString('latin1')).toContain(STAND_IN_NAME);
  expect(Date.parse(keys.Expiration)).toBeGreaterThan(Date.now() + 10 * 60_000);
}

/**
 * Chromium cannot answer a permission prompt under automation, and request() of a permission the
 * manifest already grants resolves true without one: a copy of the build lists nativeMessaging
 * and keep fresh's optional permissions (and IdP host access) as required, as bridge.test.ts does
 * for nativeMessaging.
 */
async function chromiumBuildWithPermissions(dir: string): Promise<string> {
  const dist = join(dir, 'dist');
  await cp(DIST, dist, { recursive: true });
  const built = JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8')) as {
    permissions: string[];
    host_permissions: string[];
    optional_permissions?: string[];
  };
  built.permissions.push('nativeMessaging', ...KEEP_FRESH_PERMISSIONS_BY_TARGET.chrome);
  // What turning keep fresh on asks for besides: host access to the IdP, to see its login page.
  built.host_permissions.push('http://127.0.0.1/*');
  delete built.optional_permissions;
  await writeFile(join(dist, 'manifest.json'), JSON.stringify(built));
  return dist;
}

describe.each(BROWSERS)('%s', (browserName) => {
  let world: World;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let first: ProcessCredentials;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saml-roles-bridge-real-'));
    const home = join(dir, 'home');
    const runtime = join(dir, 'run');
    await mkdir(home, { recursive: true });
    await mkdir(runtime, { mode: 0o700 });
    // The browser (and so the host it starts) and every CLI call share these, as on a desktop.
    env = { ...process.env, HOME: home, XDG_RUNTIME_DIR: runtime };
    delete env.XDG_DATA_HOME;
    if (browserName === 'firefox') {
      const install = await cli(['bridge', 'install', '--browser', 'firefox'], env);
      expect(install.stderr).toBe('');
      world = await startWorld({
        browser: browserName,
        manyRoles: 3,
        shortLivedSeconds: SHORT_LIVED_SECONDS,
        // Firefox's preference for tests answers the optional permission prompts; the requests
        // (the bridge's and keep fresh's, from the options page) are real.
        launch: { env, firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false } },
      });
    } else {
      world = await startWorld({
        browser: browserName,
        manyRoles: 3,
        shortLivedSeconds: SHORT_LIVED_SECONDS,
        launch: { dist: await chromiumBuildWithPermissions(dir), env },
      });
      const profile = world.ext.browser
        .process()
        ?.spawnargs.find((arg) => arg.startsWith('--user-data-dir='))
        ?.slice('--user-data-dir='.length);
      if (!profile) throw new Error('Chromium was started without a --user-data-dir');
      const install = await cli(
        [
          'bridge',
          'install',
          '--browser',
          'chromium',
          '--profile-dir',
          profile,
          '--extension-id',
          world.ext.extensionId,
        ],
        env,
      );
      expect(install.stderr).toBe('');
      expect(install.code).toBe(0);
    }
  });
  afterAll(async () => {
    await world?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function turnOn(testId: string) {
    const options = await world.ext.browser.newPage();
    await options.goto(world.ext.extensionUrl('src/options/index.html'), {
      waitUntil: 'networkidle0',
    });
    const toggle = await options.waitForSelector(`[data-testid="${testId}"]`);
    if (!(await toggle!.evaluate((el) => (el as HTMLInputElement).checked))) await toggle!.click();
    return options;
  }

  it('credential-process prints the stand-in STS keys after a sign-in at the IdP; a role no capture holds is exit 12', async () => {
    const signedIn = await loginAt(world, 'bob');
    await openAwsApp(signedIn, world.idpUrl, 'aws');
    const options = await turnOn('bridge-enabled');
    await options.waitForSelector('[data-testid="bridge-state"][data-state="connected"]', {
      timeout: E2E_WAIT_MS,
    });
    await options.close();
    const status = await cli(['bridge', 'status', '--browser', browserName], env);
    expect(status.stdout).toContain('extension 0.1.0 connected');

    first = await credentialProcess(ADMIN, env);
    expectStandInKeys(first);

    const none = await cli(
      ['credential-process', '--role', 'arn:aws:iam::111111111111:role/NoSuchRole'],
      env,
    );
    expect(none.code).toBe(12);
    expect(none.stderr).toContain('no capture holds the role');
    expect(none.stdout).toBe('');
    // This tab's keys go with it: what follows must come from somewhere else.
    await signedIn.close();
  });

  it('keep fresh: with every assertion expired, the next call signs in again in the background, and the console tab stays as it was', async () => {
    const ssos = world.ssos.get(world.shortIdpUrl)!;
    const consoleTab = await loginAt(world, 'bob', world.shortIdpUrl);
    await openAwsApp(consoleTab, world.shortIdpUrl, 'aws');
    await consoleTab.waitForSelector('#saml-roles-search', { timeout: E2E_WAIT_MS });
    await consoleTab.keyboard.type('222 deploy');
    await consoleTab.keyboard.press('Enter');
    expect(await assumedRole(consoleTab)).toBe(DEPLOYER_SESSION);
    expect(ssos).toHaveLength(1);
    // The IdP learned from the sign-in is its site root; the application link is the user's to
    // give in the options, as with a real IdP (its root starts no AWS sign-in).
    const options = await world.ext.browser.newPage();
    await options.goto(world.ext.extensionUrl('src/options/index.html'), {
      waitUntil: 'networkidle0',
    });
    const row = `[data-testid="start-url-row"][data-issuer="${world.shortIdpUrl}"]`;
    await options.waitForSelector(row, { timeout: E2E_WAIT_MS });
    await options.type(
      `${row} [data-testid="start-url-input"]`,
      `${world.shortIdpUrl}/applications/aws/sso`,
    );
    await options.click(`${row} [data-testid="start-url-save"]`);
    await options.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="keep-fresh-message"]')
          ?.textContent?.startsWith('Saved'),
      { timeout: E2E_WAIT_MS },
    );
    // Turning keep fresh on asks for its permissions (Firefox: answered by the test preference;
    // Chromium: the build copy has them) and host access to the IdP's link.
    await options.click('[data-testid="keep-fresh-all"]');
    await options.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="keep-fresh-message"]')
          ?.textContent?.startsWith('Every role'),
      { timeout: E2E_WAIT_MS },
    );
    await options.close();
    const tabsBefore = (await world.ext.browser.pages()).length;
    const consoleUrl = consoleTab.url();
    // The console tab's assertion is the only one holding ADMIN now; let it run out.
    await new Promise((done) => setTimeout(done, SHORT_LIVED_SECONDS * 1000 + 500));

    const fresh = await credentialProcess(ADMIN, env);
    expectStandInKeys(fresh);
    expect(fresh.AccessKeyId).not.toBe(first.AccessKeyId);
    expect(ssos).toEqual([
      { username: 'bob', application: 'aws' },
      { username: 'bob', application: 'aws' },
    ]);
    // The background tab is gone, and its POST never reached the stand-in's console.
    expect((await world.ext.browser.pages()).length).toBe(tabsBefore);
    expect(consoleTab.url()).toBe(consoleUrl);
    expect(await assumedRole(consoleTab)).toBe(DEPLOYER_SESSION);
  });

  it('signed out at the IdP, the next call that needs a sign-in is exit 13 and names where to sign in', async () => {
    const idpPage: Page = await world.ext.browser.newPage();
    await idpPage.goto(`${world.shortIdpUrl}/apps`, { waitUntil: 'load' });
    await Promise.all([idpPage.waitForNavigation(), idpPage.click('[data-testid="logout"]')]);
    // ADMIN's keys from the background sign-in are still good; team/ReadOnly has none, and its
    // only assertion (the console tab's) has expired.
    const run = await cli(['credential-process', '--role', TEAM_READ_ONLY], env);
    expect(run.code).toBe(13);
    expect(run.stderr).toContain(`sign in at ${world.shortIdpUrl}/`);
    expect(run.stdout).toBe('');
  });
});
