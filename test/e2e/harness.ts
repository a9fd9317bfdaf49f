// Launches a headless browser with the built extension, on Chromium or Firefox, behind one
// interface: the tests drive both the same way.
//
// What a run needs:
// - a build: `npm run build` writes dist/ (Chromium) and dist-firefox/ (Firefox);
// - the browsers, not downloaded by puppeteer-core: Debian's `chromium` and `firefox-esr`
//   (`apt-get install -y chromium firefox-esr`), or CHROMIUM_PATH / FIREFOX_PATH pointing at others;
//   Chromium must be one that still accepts --load-extension (branded Chrome dropped it);
// - no network: AWS hosts are answered by the stand-in (request interception, see AWS_SIGNIN_HOSTS).
// E2E_BROWSERS=chromium (or firefox) narrows a run to one browser.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page, Target } from 'puppeteer-core';
import { launchChromium } from './chromium.ts';
import { launchFirefox } from './firefox.ts';

/**
 * How long any single e2e wait may take. Generous on purpose: a cold browser on a busy two-core CI
 * machine can take seconds for a first page, and a wait that is too tight fails a correct build.
 */
export const E2E_WAIT_MS = 30_000;

export const DIST = resolve(import.meta.dirname, '../../dist');
export const DIST_FIREFOX = resolve(import.meta.dirname, '../../dist-firefox');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export type BrowserName = 'chromium' | 'firefox';

/** Every browser the suite runs on; `E2E_BROWSERS=firefox` narrows a local run. */
export const BROWSERS: BrowserName[] = (process.env.E2E_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is BrowserName => name === 'chromium' || name === 'firefox');
// A typo must not turn the suite into zero tests.
if (BROWSERS.length === 0)
  throw new Error(`E2E_BROWSERS names no browser: ${process.env.E2E_BROWSERS}`);

/** The AWS sign-in and STS hosts the stand-in answers for. */
export const AWS_SIGNIN_HOSTS = [
  'signin.aws.amazon.com',
  '*.signin.aws.amazon.com',
  'signin.amazonaws-us-gov.com',
  '*.signin.amazonaws-us-gov.com',
  'signin.amazonaws.cn',
  '*.signin.amazonaws.cn',
  'sts.amazonaws.com',
  'sts.*.amazonaws.com',
  'sts.*.amazonaws.com.cn',
];

export interface ExtensionBrowser {
  browser: Browser;
  /** Which browser this is. */
  name: BrowserName;
  /** Chrome: the extension ID; Firefox: the add-on's moz-extension UUID (the URL host either way). */
  extensionId: string;
  /** Absolute URL of a file of the build, e.g. `src/options/index.html`. */
  extensionUrl(path: string): string;
  /**
   * Evaluates a script in the extension's background context and returns its value: Chrome's
   * service worker (started if stopped), Firefox's event page (woken if suspended). `chrome.*`
   * APIs answer with promises in both.
   */
  evaluateInWorker<T>(expression: string): Promise<T>;
  /** The extension API's id of the tab showing `page`. */
  tabId(page: Page): Promise<number>;
  /**
   * Brings `page` to the front and opens the popup for it. Chrome: the real toolbar popup.
   * Firefox (no openPopup for tests): the popup page in a tab of its own, told the tab by `?tab=`.
   */
  openPopup(page: Page): Promise<Page>;
  /** Whether a page from openPopup has closed (e.g. itself, after signing in). */
  popupClosed(popup: Page): Promise<boolean>;
  /** Stops the background the way the browser does when it is idle (worker / event page). */
  stopWorker(): Promise<void>;
  /** `prefers-color-scheme` for the extension's pages. */
  emulateColorScheme(page: Page, scheme: 'light' | 'dark'): Promise<void>;
  /** `prefers-reduced-motion: reduce` (or no preference) for the extension's pages. */
  emulateReducedMotion(page: Page, reduce: boolean): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** `host:port` that every AWS host is routed to, e.g. the stand-in's. */
  awsHostPort?: string;
  /** Chromium unless told otherwise. */
  browser?: BrowserName;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const name = options.browser ?? 'chromium';
  const dist = name === 'firefox' ? DIST_FIREFOX : DIST;
  if (!existsSync(resolve(dist, 'manifest.json')))
    throw new Error(`No build in ${dist}: run npm run build first.`);
  const launch = name === 'firefox' ? launchFirefox : launchChromium;
  return launch({
    dist,
    executablePath: name === 'firefox' ? FIREFOX : CHROMIUM,
    hosts: AWS_SIGNIN_HOSTS,
    ...(options.awsHostPort ? { awsHostPort: options.awsHostPort } : {}),
  });
}

/** What each browser's launcher is handed. */
export interface LaunchPlan {
  dist: string;
  executablePath: string;
  hosts: readonly string[];
  awsHostPort?: string;
}

/** Opens a new tab and waits for it to finish loading `url`. */
export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * The page of a tab the extension opens (not puppeteer): the first page, not in `before`, that
 * satisfies `matches`. Over BiDi such a tab is now and then never announced as a new target, so
 * the event is raced against polling the browser's pages.
 */
export async function waitForNewPage(
  browser: Browser,
  before: ReadonlySet<Page>,
  matches: (page: Page) => boolean = () => true,
): Promise<Page> {
  const deadline = Date.now() + E2E_WAIT_MS;
  const fresh = (page: Page | null): page is Page =>
    page !== null && !before.has(page) && matches(page);
  let announced: Page | undefined;
  const listener = (target: Target) =>
    void target.page().then(
      (page) => {
        if (fresh(page)) announced = page;
      },
      () => undefined,
    );
  browser.on('targetchanged', listener);
  browser.on('targetcreated', listener);
  try {
    while (Date.now() < deadline) {
      if (announced) return announced;
      const polled = (await browser.pages()).find(fresh);
      if (polled) return polled;
      await new Promise((done) => setTimeout(done, 100));
    }
  } finally {
    browser.off('targetchanged', listener);
    browser.off('targetcreated', listener);
  }
  throw new Error(`no new page appeared within ${E2E_WAIT_MS} ms`);
}
