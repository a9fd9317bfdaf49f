// Debian's Chromium with the unpacked build: the real toolbar popup and service worker.
import puppeteer, { type Target } from 'puppeteer-core';
import { type ExtensionBrowser, type LaunchPlan, WAIT_MS } from './launch.ts';

export async function launchChromium(plan: LaunchPlan): Promise<ExtensionBrowser> {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--window-size=1100,800',
    `--disable-extensions-except=${plan.dist}`,
    `--load-extension=${plan.dist}`,
  ];
  if (plan.awsHostPort) {
    const rules = plan.hosts.map((host) => `MAP ${host} ${plan.awsHostPort}`).join(', ');
    args.push(`--host-resolver-rules=${rules}`);
    // The stand-in's certificate only, when its key is known (Chromium honours the list only with
    // a --user-data-dir, which puppeteer always gives); otherwise every certificate error.
    args.push(
      plan.awsSpkiHash
        ? `--ignore-certificate-errors-spki-list=${plan.awsSpkiHash}`
        : '--ignore-certificate-errors',
    );
  }
  const browser = await puppeteer.launch({
    executablePath: plan.executablePath,
    headless: plan.headless,
    enableExtensions: true,
    ...(plan.env ? { env: plan.env } : {}),
    acceptInsecureCerts: !plan.awsSpkiHash,
    // A window of the size the popup and pages were designed in, not puppeteer's 800x600 viewport.
    defaultViewport: plan.headless ? { width: 800, height: 600 } : null,
    args,
  });
  try {
    const isWorker = (target: Target) =>
      target.type() === 'service_worker' && target.url().startsWith('chrome-extension://');
    const workerTarget = await browser.waitForTarget(isWorker, { timeout: WAIT_MS });
    const extensionId = new URL(workerTarget.url()).host;
    const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path}`;
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
      name: 'chromium',
      extensionId,
      extensionUrl,
      evaluateInWorker,
      async tabId(page) {
        await page.bringToFront();
        return evaluateInWorker<number>(
          'chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([tab]) => tab.id)',
        );
      },
      async openPopup(page) {
        await page.bringToFront();
        const popupUrl = extensionUrl('src/popup/index.html');
        const opened = browser.waitForTarget((t) => t.url() === popupUrl, { timeout: WAIT_MS });
        await evaluateInWorker('chrome.action.openPopup()');
        const popup = await (await opened).asPage();
        await popup.waitForSelector('#app > *', { timeout: WAIT_MS });
        return popup;
      },
      popupClosed: (popup) => Promise.resolve(popup.isClosed()),
      async stopWorker() {
        // What Chrome does to an idle worker. The ServiceWorker domain only sees workers of the
        // page's own origin, hence an extension page.
        const page = await browser.newPage();
        await page.goto(extensionUrl('src/popup/signin.html'));
        const session = await page.createCDPSession();
        await session.send('ServiceWorker.enable');
        await session.send('ServiceWorker.stopAllWorkers');
        await session.detach();
        await page.close();
      },
      emulateColorScheme: (page, scheme) =>
        page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]),
      emulateReducedMotion: (page, reduce) =>
        page.emulateMediaFeatures([
          { name: 'prefers-reduced-motion', value: reduce ? 'reduce' : 'no-preference' },
        ]),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
