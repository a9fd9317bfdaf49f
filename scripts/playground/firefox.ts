// Debian's Firefox ESR over WebDriver BiDi with the build installed as a temporary add-on.
// Firefox has no worker target and no openPopup for tests: a helper extension tab stands in for
// both, and the few privileged steps (stopping the event page, the colour scheme) run in Firefox's
// own chrome scope, which --remote-allow-system-access opens to BiDi.
import puppeteer, { type Page } from 'puppeteer-core';
import { GECKO_ID } from '../manifest.ts';
import { type ExtensionBrowser, type LaunchPlan, WAIT_MS } from './launch.ts';
import { startTunnelProxy } from './proxy.ts';

/** Fixed so that the tests know the moz-extension:// host before installing. */
export const FIREFOX_EXTENSION_UUID = '5a3c1e0d-7b1f-4c2e-9a55-5aa1e5000001';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

export async function launchFirefox(plan: LaunchPlan): Promise<ExtensionBrowser> {
  const extensionUrl = (path: string) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`;
  const prefs: Record<string, unknown> = {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
    ...plan.firefoxPrefs,
  };
  // Firefox has no host-resolver rules: a local proxy tunnels the AWS hosts to the stand-in.
  const proxy = plan.awsHostPort ? await startTunnelProxy(plan.hosts, plan.awsHostPort) : undefined;
  if (proxy)
    Object.assign(prefs, {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
    });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: plan.executablePath,
    headless: plan.headless,
    // Firefox has no per-certificate exception flag; its proxy sends only the AWS hosts here.
    acceptInsecureCerts: true,
    // Without it BiDi refuses moz-extension:// pages and Firefox's chrome scope.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefs,
    ...(plan.env ? { env: plan.env } : {}),
  });
  const close = async () => {
    await browser.close();
    await proxy?.close();
  };
  try {
    await browser.installExtension(plan.dist);
    const connection = (browser as unknown as { connection: BidiConnection }).connection;
    /** Evaluates in Firefox's browser window (privileged JS), e.g. to reach the add-on manager. */
    const evaluateInChrome = async (expression: string): Promise<unknown> => {
      const { result: tree } = (await connection.send('browsingContext.getTree', {
        'moz:scope': 'chrome',
      })) as { result: { contexts: { context: string }[] } };
      const context = tree.contexts[0]?.context;
      if (!context) throw new Error('Firefox has no chrome window to evaluate in');
      const { result } = (await connection.send('script.evaluate', {
        expression,
        target: { context },
        awaitPromise: true,
      })) as { result: { type: string; result?: { value?: unknown }; exceptionDetails?: unknown } };
      if (result.type === 'exception')
        throw new Error(`Chrome evaluation failed: ${JSON.stringify(result.exceptionDetails)}`);
      return result.result?.value;
    };
    const extension = `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs').ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)})`;

    // An extension page of its own to run extension API calls in.
    const helper = await browser.newPage();
    await helper.goto(extensionUrl('src/popup/signin.html'), { waitUntil: 'networkidle0' });

    const evaluateInWorker = async <T>(expression: string): Promise<T> => {
      // Wakes a suspended event page; a reference from before a restart would be a dead object.
      await helper.evaluate(
        'browser.runtime.getBackgroundPage().then((bg) => { window.__bg = bg; })',
      );
      // Extension CSP forbids eval in the event page itself; BiDi evaluates in the helper with the
      // event page as `globalThis`, and `chrome.*` is the same API there.
      return helper.evaluate(`with ({ globalThis: window.__bg }) { ${expression} }`) as Promise<T>;
    };

    const tabId = async (page: Page): Promise<number> => {
      await page.bringToFront();
      return helper.evaluate(
        'chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([tab]) => tab.id)',
      ) as Promise<number>;
    };

    // Puppeteer misses moz-extension:// tabs closing: ask the tabs API instead.
    const popupTabs = new WeakMap<Page, number>();

    return {
      browser,
      name: 'firefox',
      extensionId: FIREFOX_EXTENSION_UUID,
      extensionUrl,
      evaluateInWorker,
      tabId,
      async openPopup(page) {
        const url = extensionUrl(`src/popup/index.html?tab=${await tabId(page)}`);
        // Puppeteer opens the tab itself: over BiDi a tab the extension creates is, now and then,
        // never reported (1 in 25 here), and waiting for it would fail a correct build.
        const popup = await browser.newPage();
        await popup.goto(url, { waitUntil: 'networkidle0' });
        await popup.waitForSelector('#app > *', { timeout: WAIT_MS });
        popupTabs.set(
          popup,
          (await popup.evaluate('browser.tabs.getCurrent().then((tab) => tab.id)')) as number,
        );
        return popup;
      },
      async popupClosed(popup) {
        const id = popupTabs.get(popup);
        if (id === undefined) return popup.isClosed();
        return helper.evaluate(
          `chrome.tabs.get(${id}).then(() => false, () => true)`,
        ) as Promise<boolean>;
      },
      async stopWorker() {
        // What Firefox does to an idle event page (about:debugging's "Terminate background script").
        const state = await evaluateInChrome(
          `(async () => { const ext = ${extension}; await ext.terminateBackground({ ignoreDevToolsAttached: true }); return ext.backgroundState; })()`,
        );
        if (state !== 'stopped') throw new Error(`The event page did not stop: ${String(state)}`);
      },
      async emulateColorScheme(_page, scheme) {
        // No BiDi command for it: Firefox's content override (0 dark, 1 light) for every page.
        await evaluateInChrome(
          `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`,
        );
      },
      async emulateReducedMotion(_page, reduce) {
        // Like the colour scheme: Firefox's own setting (1 reduce, 0 no preference), every page.
        await evaluateInChrome(
          `Services.prefs.setIntPref('ui.prefersReducedMotion', ${reduce ? 1 : 0})`,
        );
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
