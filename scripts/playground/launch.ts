// Launches Chromium or Firefox with the built extension behind one interface, with every AWS
// sign-in and STS host routed to a local stand-in: what `npm run playground` opens and what the
// e2e suite drives.
//
// What a launch needs:
// - a build: `npm run build` writes dist/ (Chromium) and dist-firefox/ (Firefox);
// - the browsers, not downloaded by puppeteer-core: Debian's `chromium` and `firefox-esr`
//   (`apt-get install -y chromium firefox-esr`), or CHROMIUM_PATH / FIREFOX_PATH pointing at others;
//   Chromium must be one that still accepts --load-extension (branded Chrome dropped it).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { STAND_IN_AWS_HOSTS } from '../../src/idp/standin/aws-hosts.ts';
import { launchChromium } from './chromium.ts';
import { launchFirefox } from './firefox.ts';

/**
 * How long any single wait may take. Generous on purpose: a cold browser on a busy two-core CI
 * machine can take seconds for a first page, and a wait that is too tight fails a correct build.
 */
export const WAIT_MS = 30_000;

export const DIST = resolve(import.meta.dirname, '../../dist');
export const DIST_FIREFOX = resolve(import.meta.dirname, '../../dist-firefox');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export type BrowserName = 'chromium' | 'firefox';

export function isBrowserName(name: string): name is BrowserName {
  return name === 'chromium' || name === 'firefox';
}

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
  /**
   * base64 SHA-256 of the stand-in certificate's public key: Chromium then accepts that
   * certificate only, instead of ignoring every certificate error.
   */
  awsSpkiHash?: string;
  /** Chromium unless told otherwise. */
  browser?: BrowserName;
  /** True unless told otherwise; the playground opens a window. */
  headless?: boolean;
  /** Another build to load than dist/ or dist-firefox/ (e.g. a test's copy). */
  dist?: string;
  /** The browser's environment (default: this process's), e.g. a HOME of the test's own. */
  env?: Record<string, string | undefined>;
  /** Firefox preferences on top of the launcher's own. */
  firefoxPrefs?: Record<string, unknown>;
}

/** What each browser's launcher is handed. */
export interface LaunchPlan {
  dist: string;
  executablePath: string;
  hosts: readonly string[];
  headless: boolean;
  awsHostPort?: string;
  awsSpkiHash?: string;
  env?: Record<string, string | undefined>;
  firefoxPrefs?: Record<string, unknown>;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const name = options.browser ?? 'chromium';
  const dist = options.dist ?? (name === 'firefox' ? DIST_FIREFOX : DIST);
  if (!existsSync(resolve(dist, 'manifest.json')))
    throw new Error(`No build in ${dist}: run npm run build first.`);
  const executablePath = name === 'firefox' ? FIREFOX : CHROMIUM;
  if (!existsSync(executablePath))
    throw new Error(
      `No ${name} at ${executablePath}: install it (apt-get install -y ${name === 'firefox' ? 'firefox-esr' : 'chromium'}) or set ${name === 'firefox' ? 'FIREFOX_PATH' : 'CHROMIUM_PATH'}.`,
    );
  const launch = name === 'firefox' ? launchFirefox : launchChromium;
  return launch({
    dist,
    executablePath,
    hosts: STAND_IN_AWS_HOSTS,
    headless: options.headless ?? true,
    ...(options.awsHostPort ? { awsHostPort: options.awsHostPort } : {}),
    ...(options.awsSpkiHash ? { awsSpkiHash: options.awsSpkiHash } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.firefoxPrefs ? { firefoxPrefs: options.firefoxPrefs } : {}),
  });
}
