// The e2e suite's view of the browser launcher (scripts/playground/launch.ts, shared with
// `npm run playground`) and the waits its tests use.
// E2E_BROWSERS=chromium (or firefox) narrows a run to one browser.
import type { Browser, Page, Target } from 'puppeteer-core';
import { isBrowserName, type BrowserName, WAIT_MS } from '../../scripts/playground/launch.ts';

export {
  DIST,
  DIST_FIREFOX,
  launchWithExtension,
  type BrowserName,
  type ExtensionBrowser,
  type LaunchOptions,
} from '../../scripts/playground/launch.ts';
export { STAND_IN_AWS_HOSTS as AWS_SIGNIN_HOSTS } from '../../src/idp/standin/aws-hosts.ts';

/** How long any single e2e wait may take (the launcher's own bound). */
export const E2E_WAIT_MS = WAIT_MS;

/** Every browser the suite runs on; `E2E_BROWSERS=firefox` narrows a local run. */
export const BROWSERS: BrowserName[] = (process.env.E2E_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((name) => name.trim())
  .filter(isBrowserName);
// A typo must not turn the suite into zero tests.
if (BROWSERS.length === 0)
  throw new Error(`E2E_BROWSERS names no browser: ${process.env.E2E_BROWSERS}`);

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
