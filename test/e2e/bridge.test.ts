// The bridge to the AWS CLI end to end: sign in at the companion IdP, turn the bridge on in the
// options page, and a native host the browser spawns (a small test host, until `saml-roles bridge
// host` replaces it) asks for status and credentials: the stand-in STS's keys come back.
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { endianness, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BRIDGE_HOST_NAME,
  readBridgeResponse,
  type BridgeResponse,
} from '../../src/core/bridge.ts';
import { GECKO_ID } from '../../scripts/manifest.ts';
import { STAND_IN_NAME } from '../../src/idp/standin/types.ts';
import { BROWSERS, DIST, E2E_WAIT_MS } from './harness.ts';
import { loginAt, openAwsApp, startWorld, type World } from './world.ts';

const ADMIN = 'arn:aws:iam::111111111111:role/Admin';

/**
 * A native host in the shape the browsers spawn: framed stdio (32-bit native-endian length, then
 * JSON). On start it asks for status, credentials and one bad message, and appends every message
 * the extension sends to `out`, one JSON line each.
 */
function testHostScript(out: string): string {
  const write = endianness() === 'LE' ? 'writeUInt32LE' : 'writeUInt32BE';
  const read = endianness() === 'LE' ? 'readUInt32LE' : 'readUInt32BE';
  return `#!${process.execPath}
const { appendFileSync } = require('node:fs');
const OUT = ${JSON.stringify(out)};
const record = (entry) => appendFileSync(OUT, JSON.stringify(entry) + '\\n');
const send = (message) => {
  const body = Buffer.from(JSON.stringify(message));
  const length = Buffer.alloc(4);
  length.${write}(body.length);
  process.stdout.write(Buffer.concat([length, body]));
};
let pending = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  pending = Buffer.concat([pending, chunk]);
  while (pending.length >= 4) {
    const size = pending.${read}(0);
    if (pending.length < 4 + size) break;
    record({ message: JSON.parse(pending.subarray(4, 4 + size).toString('utf8')) });
    pending = pending.subarray(4 + size);
  }
});
process.stdin.on('end', () => process.exit(0));
record({ started: process.argv.slice(2) });
send({ v: 1, id: 'status1', type: 'status' });
send({ v: 1, id: 'creds1', type: 'credentials', roleArn: ${JSON.stringify(ADMIN)} });
send({ v: 1, id: 'bad1', type: 'delete-everything' });
`;
}

interface Recorded {
  started?: string[];
  message?: unknown;
}

async function recorded(file: string): Promise<Recorded[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Recorded);
}

/** The answers the test host has received so far, read as the CLI reads them. */
async function answers(file: string): Promise<Map<string, BridgeResponse>> {
  const byId = new Map<string, BridgeResponse>();
  for (const entry of await recorded(file)) {
    if (entry.message === undefined) continue;
    const read = readBridgeResponse(entry.message);
    if (!read.ok) throw new Error(`the extension sent what the CLI refuses: ${read.problem}`);
    byId.set(read.value.id, read.value);
  }
  return byId;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + E2E_WAIT_MS;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each(BROWSERS)('%s', (browserName) => {
  let world: World;
  let page: Page;
  let dir: string;
  let out: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saml-roles-bridge-e2e-'));
    out = join(dir, 'answers.jsonl');
    const host = join(dir, 'test-host.cjs');
    await writeFile(host, testHostScript(out));
    await chmod(host, 0o755);
    const manifest = (allowed: object) =>
      JSON.stringify({
        name: BRIDGE_HOST_NAME,
        description: 'saml-roles e2e test host',
        path: host,
        type: 'stdio',
        ...allowed,
      });
    if (browserName === 'firefox') {
      // Firefox reads ~/.mozilla/native-messaging-hosts/: a HOME of the test's own. Its optional
      // permission prompt is skipped by Firefox's own preference for tests; the request is real.
      const home = join(dir, 'home');
      const hosts = join(home, '.mozilla', 'native-messaging-hosts');
      await mkdir(hosts, { recursive: true });
      await writeFile(
        join(hosts, `${BRIDGE_HOST_NAME}.json`),
        manifest({ allowed_extensions: [GECKO_ID] }),
      );
      world = await startWorld({
        browser: browserName,
        manyRoles: 3,
        launch: {
          env: { ...process.env, HOME: home },
          firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false },
        },
      });
    } else {
      // Chromium's permission prompt cannot be answered under automation (the DevTools protocol
      // does not reach extension dialogs), and request() of a permission the manifest already
      // grants resolves true without one: a copy of the build lists nativeMessaging as required.
      const dist = join(dir, 'dist');
      await cp(DIST, dist, { recursive: true });
      const built = JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8')) as {
        permissions: string[];
        optional_permissions?: string[];
      };
      built.permissions.push('nativeMessaging');
      delete built.optional_permissions;
      await writeFile(join(dist, 'manifest.json'), JSON.stringify(built));
      world = await startWorld({ browser: browserName, manyRoles: 3, launch: { dist } });
      // Chromium reads <user-data-dir>/NativeMessagingHosts/ for the profile it runs.
      const profile = world.ext.browser
        .process()
        ?.spawnargs.find((arg) => arg.startsWith('--user-data-dir='))
        ?.slice('--user-data-dir='.length);
      if (!profile) throw new Error('Chromium was started without a --user-data-dir');
      await mkdir(join(profile, 'NativeMessagingHosts'), { recursive: true });
      await writeFile(
        join(profile, 'NativeMessagingHosts', `${BRIDGE_HOST_NAME}.json`),
        manifest({ allowed_origins: [`chrome-extension://${world.ext.extensionId}/`] }),
      );
    }
    page = await loginAt(world, 'bob');
    await openAwsApp(page, world.idpUrl, 'aws');
  });
  afterAll(async () => {
    await world?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('turned on in the options, answers the host: status, the stand-in STS keys, a bad request', async () => {
    const options = await world.ext.browser.newPage();
    await options.goto(world.ext.extensionUrl('src/options/index.html'), {
      waitUntil: 'networkidle0',
    });
    await options.waitForSelector('[data-testid="bridge-enabled"]');
    expect(await recorded(out)).toEqual([]);
    await options.click('[data-testid="bridge-enabled"]');
    await options.waitForSelector('[data-testid="bridge-state"][data-state="connected"]', {
      timeout: E2E_WAIT_MS,
    });
    const command = await options.$eval(
      '[data-testid="bridge-install-command"]',
      (el) => el.textContent,
    );
    expect(command).toBe(
      `saml-roles bridge install --browser ${browserName === 'firefox' ? 'firefox' : 'chrome'} --extension-id ${
        browserName === 'firefox' ? GECKO_ID : world.ext.extensionId
      }`,
    );
    const got = await until('three answers', async () => {
      const byId = await answers(out);
      return byId.size >= 3 ? byId : undefined;
    });
    expect(got.get('status1')).toEqual({
      v: 1,
      id: 'status1',
      ok: true,
      type: 'status',
      status: { extensionVersion: '0.1.0', roleArns: expect.arrayContaining([ADMIN]) },
    });
    const creds = got.get('creds1');
    if (!creds?.ok || creds.type !== 'credentials') throw new Error(JSON.stringify(creds));
    expect(creds.credentials.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    // The stand-in marks its session tokens: these came from its STS, through the worker.
    expect(Buffer.from(creds.credentials.sessionToken, 'base64').toString('latin1')).toContain(
      STAND_IN_NAME,
    );
    expect(got.get('bad1')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    // Kept in storage.session only, as the popup's are.
    const leaked = await world.ext.evaluateInWorker<boolean>(
      `chrome.storage.local.get(null).then((all) => JSON.stringify(all).includes(${JSON.stringify(creds.credentials.accessKeyId)}))`,
    );
    expect(leaked).toBe(false);
    await options.close();
  });

  it('turned off, disconnects the host and says so', async () => {
    const options = await world.ext.browser.newPage();
    await options.goto(world.ext.extensionUrl('src/options/index.html'), {
      waitUntil: 'networkidle0',
    });
    await options.waitForSelector('[data-testid="bridge-enabled"]:checked');
    await options.click('[data-testid="bridge-enabled"]');
    const state = await until('the worker to say off', async () => {
      const stored = await world.ext.evaluateInWorker<{ kind?: string } | undefined>(
        "chrome.storage.session.get('bridge-state').then((items) => items['bridge-state'])",
      );
      return stored?.kind === 'off' ? stored : undefined;
    });
    expect(state).toEqual({ kind: 'off' });
    if (browserName === 'firefox')
      expect(
        await world.ext.evaluateInWorker<boolean>(
          "chrome.permissions.contains({ permissions: ['nativeMessaging'] })",
        ),
      ).toBe(false);
    await options.close();
  });
});
