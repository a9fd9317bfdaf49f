// The companion IdP and the AWS sign-in stand-in on 127.0.0.1, with the browser routing every AWS
// host to the stand-in (HTTPS, its self-signed certificate accepted). The stand-in starts through
// startStandInCommand, the entry `saml-roles standin` and the playground use.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { demoConfig } from '../../src/idp/config.ts';
import { startIdp, type SsoEvent } from '../../src/idp/server.ts';
import type { StandInRoleSpec } from '../../src/idp/standin/roles/judge-trust.ts';
import { startStandInCommand } from '../../src/idp/standin/command.ts';
import { demoStandInRoles } from '../../src/idp/standin/roles/demo-roles.ts';
import {
  type BrowserName,
  type ExtensionBrowser,
  E2E_WAIT_MS,
  launchWithExtension,
  type LaunchOptions,
} from './harness.ts';

export interface World {
  ext: ExtensionBrowser;
  /** The demo IdP (assertions valid 300 s). */
  idpUrl: string;
  /** A second IdP whose assertions expire after `shortLivedSeconds`. */
  shortIdpUrl: string;
  standInUrl: string;
  /** Each SAML response each IdP answered with, by IdP URL (a background re-sign-in adds one). */
  ssos: Map<string, SsoEvent[]>;
  /** Moves the stand-in's clock (not the browser's) by this many ms, e.g. so STS sees an expired assertion. */
  setStandInClockOffset(ms: number): void;
  close(): Promise<void>;
}

export interface WorldOptions {
  /** Roles of the demo's `many` user (default 500). */
  manyRoles?: number;
  browser?: BrowserName;
  /** Roles the stand-in's IAM knows (MaxSessionDuration, trust policy); others get defaults. */
  roles?: StandInRoleSpec[];
  /** Passed to the browser launcher: another build, environment or Firefox preferences. */
  launch?: Pick<LaunchOptions, 'dist' | 'env' | 'firefoxPrefs'>;
  /** How long the short-lived IdP's assertions last (default SHORT_LIVED_SECONDS). */
  shortLivedSeconds?: number;
}

export const SHORT_LIVED_SECONDS = 2;

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const idpSsos: SsoEvent[] = [];
  const shortSsos: SsoEvent[] = [];
  const idp = await startIdp({
    config: demoConfig({ manyRoles: options.manyRoles ?? 500 }),
    onSso: (event) => void idpSsos.push(event),
  });
  const shortConfig = demoConfig();
  for (const app of shortConfig.applications)
    app.assertionValidSeconds = options.shortLivedSeconds ?? SHORT_LIVED_SECONDS;
  const shortIdp = await startIdp({
    config: shortConfig,
    onSso: (event) => void shortSsos.push(event),
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'saml-roles-standin-'));
  let clockOffset = 0;
  const standIn = await startStandInCommand({
    port: 0,
    dataDir,
    trust: [
      { source: 'the demo IdP', xml: idp.metadataXml },
      { source: 'the short-lived IdP', xml: shortIdp.metadataXml },
    ],
    now: () => Date.now() + clockOffset,
    roles: [...demoStandInRoles(), ...(options.roles ?? [])],
  });
  const ext = await launchWithExtension({
    awsHostPort: standIn.hostPort,
    awsSpkiHash: standIn.spkiHash,
    ...(options.browser ? { browser: options.browser } : {}),
    ...options.launch,
  });
  return {
    ext,
    idpUrl: idp.url,
    shortIdpUrl: shortIdp.url,
    standInUrl: standIn.url,
    ssos: new Map([
      [idp.url, idpSsos],
      [shortIdp.url, shortSsos],
    ]),
    setStandInClockOffset: (ms) => void (clockOffset = ms),
    async close() {
      await ext.close();
      await Promise.all([idp.close(), shortIdp.close(), standIn.close()]);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in at the IdP as a demo user in a new tab (each tab is one engineer's sign-in). */
export async function loginAt(
  world: World,
  username: string,
  idpUrl = world.idpUrl,
): Promise<Page> {
  const page = await world.ext.browser.newPage();
  await page.goto(`${idpUrl}/login`);
  await page.type('#username', username);
  await page.type('#password', 'demo');
  await Promise.all([page.waitForNavigation(), page.click('[data-testid="login-submit"]')]);
  return page;
}

/** IdP-initiated SSO: the IdP's page auto-POSTs to AWS; resolves once AWS's answer is loaded. */
export async function openAwsApp(page: Page, idpUrl: string, slug: string): Promise<void> {
  await page.goto(`${idpUrl}/applications/${slug}/sso`);
  try {
    await page.waitForFunction(() => location.hostname.includes('signin.'), {
      timeout: E2E_WAIT_MS,
    });
    await page.waitForSelector('[data-testid="stand-in-banner"]', { timeout: E2E_WAIT_MS });
  } catch (error) {
    // Say where the browser got stuck, not only that it waited.
    const seen = await page
      .evaluate(() => `${location.href}: ${document.body?.innerText.slice(0, 300) ?? ''}`)
      .catch((reason: unknown) => `(page unreadable: ${String(reason)})`);
    throw new Error(`SSO to ${slug} did not reach the stand-in; the page shows ${seen}`, {
      cause: error,
    });
  }
}

/**
 * The role the stand-in says it signed in as. The tab goes through several navigations first
 * (the extension's sign-in page, its POST, the stand-in's answer); Firefox's WebDriver BiDi can
 * fail a wait whose document went away mid-call ("Protocol error ... got null"), so such a
 * failure is waited through until the deadline rather than taken as the answer.
 */
export async function assumedRole(page: Page): Promise<string> {
  const deadline = Date.now() + E2E_WAIT_MS;
  for (;;) {
    try {
      const element = await page.waitForSelector('#assumed-role-arn', {
        timeout: Math.max(1, deadline - Date.now()),
      });
      return (await element!.evaluate((el) => el.textContent ?? '')).trim();
    } catch (error) {
      const navigatedAway = /Protocol error|detached|context was destroyed/i.test(String(error));
      if (!navigatedAway || Date.now() >= deadline) throw error;
    }
  }
}
