// The companion IdP and the AWS sign-in stand-in on 127.0.0.1, with the browser routing every AWS
// host to the stand-in (HTTPS, self-signed, certificate errors ignored).
import type { Page } from 'puppeteer-core';
import { demoConfig } from '../../src/idp/config.ts';
import { generateSelfSigned } from '../../src/idp/crypto/selfsigned.ts';
import { startIdp } from '../../src/idp/server.ts';
import type { StandInRoleSpec } from '../../src/idp/standin/roles/judge-trust.ts';
import { startAwsStandIn } from '../../src/idp/standin/server.ts';
import {
  AWS_SIGNIN_HOSTS,
  type BrowserName,
  type ExtensionBrowser,
  E2E_WAIT_MS,
  launchWithExtension,
} from './harness.ts';

export interface World {
  ext: ExtensionBrowser;
  /** The demo IdP (assertions valid 300 s). */
  idpUrl: string;
  /** A second IdP whose assertions expire after `shortLivedSeconds`. */
  shortIdpUrl: string;
  standInUrl: string;
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
}

export const SHORT_LIVED_SECONDS = 2;

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const idp = await startIdp({ config: demoConfig({ manyRoles: options.manyRoles ?? 500 }) });
  const shortConfig = demoConfig();
  for (const app of shortConfig.applications) app.assertionValidSeconds = SHORT_LIVED_SECONDS;
  const shortIdp = await startIdp({ config: shortConfig });
  const tls = await generateSelfSigned('signin.aws.amazon.com', [...AWS_SIGNIN_HOSTS]);
  let clockOffset = 0;
  const standIn = await startAwsStandIn({
    https: tls,
    trustedIdpMetadata: [idp.metadataXml, shortIdp.metadataXml],
    now: () => Date.now() + clockOffset,
    ...(options.roles ? { roles: options.roles } : {}),
  });
  const ext = await launchWithExtension({
    awsHostPort: new URL(standIn.url).host,
    ...(options.browser ? { browser: options.browser } : {}),
  });
  return {
    ext,
    idpUrl: idp.url,
    shortIdpUrl: shortIdp.url,
    standInUrl: standIn.url,
    setStandInClockOffset: (ms) => void (clockOffset = ms),
    async close() {
      await ext.close();
      await Promise.all([idp.close(), shortIdp.close(), standIn.close()]);
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

/** The role the stand-in says it signed in as. */
export async function assumedRole(page: Page): Promise<string> {
  const element = await page.waitForSelector('#assumed-role-arn', { timeout: E2E_WAIT_MS });
  return (await element!.evaluate((el) => el.textContent ?? '')).trim();
}
