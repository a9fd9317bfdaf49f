// Launches Debian's Chromium headless with the built extension, and opens its real popup so that
// "the active tab" is the page under test (see /work/shared/notes/browser-testing.md).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';

export const DIST = resolve(import.meta.dirname, '../../dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
  extensionId: string;
  /** Evaluates an expression in the service worker (starting it if stopped) and returns its value. */
  evaluateInWorker<T>(expression: string): Promise<T>;
  /** Brings `page` to the front and opens the toolbar popup for it. */
  openPopup(page: Page): Promise<Page>;
  /** Stops the service worker the way Chrome does when it is idle. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/** `host:port` that every AWS sign-in host resolves to, e.g. the stand-in's. */
export async function launchWithExtension(
  options: { awsHostPort?: string } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(resolve(DIST, 'manifest.json')))
    throw new Error(`No build in ${DIST}: run npm run build first.`);
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--window-size=1100,800',
    `--disable-extensions-except=${DIST}`,
    `--load-extension=${DIST}`,
  ];
  if (options.awsHostPort) {
    const rules = AWS_SIGNIN_HOSTS.map((host) => `MAP ${host} ${options.awsHostPort}`).join(', ');
    args.push(`--host-resolver-rules=${rules}`, '--ignore-certificate-errors');
  }
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    enableExtensions: true,
    acceptInsecureCerts: true,
    args,
  });
  try {
    const isWorker = (target: Target) =>
      target.type() === 'service_worker' && target.url().startsWith('chrome-extension://');
    const workerTarget = await browser.waitForTarget(isWorker, { timeout: 20_000 });
    const extensionId = new URL(workerTarget.url()).host;
    const cdp = await browser.target().createCDPSession();
    /**
     * Evaluates in the worker through a fresh CDP session: a stopped worker restarts under the same
     * target, and puppeteer's cached WebWorker handle would hang on it.
     */
    const evaluateInWorker = async <T>(expression: string): Promise<T> => {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const info = targetInfos.find(
        (t) =>
          t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
      );
      if (!info) throw new Error('The extension has no service worker target');
      const { sessionId } = await cdp.send('Target.attachToTarget', {
        targetId: info.targetId,
        flatten: true,
      });
      const session = cdp.connection()!.session(sessionId)!;
      try {
        await session.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
        // A worker that is starting up gets its extension bindings a moment after its context.
        const ready =
          "typeof chrome !== 'undefined' && Boolean(chrome.runtime && chrome.runtime.id)";
        for (let tries = 0; tries < 100; tries++) {
          const probe = await session.send('Runtime.evaluate', {
            expression: ready,
            returnByValue: true,
          });
          if (probe.result.value === true) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
          expression,
          awaitPromise: true,
          returnByValue: true,
        });
        if (exceptionDetails)
          throw new Error(
            `Worker evaluation failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`,
          );
        return result.value as T;
      } finally {
        await session.detach().catch(() => undefined);
      }
    };
    return {
      browser,
      extensionId,
      evaluateInWorker,
      async openPopup(page) {
        await page.bringToFront();
        const popupUrl = `chrome-extension://${extensionId}/src/popup/index.html`;
        const opened = browser.waitForTarget((t) => t.url() === popupUrl, { timeout: 10_000 });
        await evaluateInWorker('chrome.action.openPopup()');
        const popup = await (await opened).asPage();
        await popup.waitForSelector('#app > *', { timeout: 10_000 });
        return popup;
      },
      async stopWorker() {
        // What Chrome does to an idle worker. The ServiceWorker domain only sees workers of the
        // page's own origin, hence an extension page.
        const page = await browser.newPage();
        await page.goto(`chrome-extension://${extensionId}/src/popup/signin.html`);
        const session = await page.createCDPSession();
        await session.send('ServiceWorker.enable');
        await session.send('ServiceWorker.stopAllWorkers');
        await session.detach();
        await page.close();
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Opens a new tab and waits for it to finish loading `url`. */
export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}
