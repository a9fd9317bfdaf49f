// The whole flow on one machine with no AWS account: the companion IdP, the AWS stand-in trusting
// it, and a browser with the built extension whose AWS sign-in and STS hosts reach the stand-in.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { demoConfig } from '../../src/idp/config.ts';
import { startIdp } from '../../src/idp/server.ts';
import { startStandInCommand, type RunningStandIn } from '../../src/idp/standin/command.ts';
import { demoStandInRoles } from '../../src/idp/standin/roles/demo-roles.ts';
import {
  type BrowserName,
  DIST,
  DIST_FIREFOX,
  type ExtensionBrowser,
  launchWithExtension,
  WAIT_MS,
} from './launch.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface PlaygroundOptions {
  browser?: BrowserName;
  headless?: boolean;
  /** Where the stand-in keeps its certificate. */
  standInDataDir: string;
  /** Ports of the IdP and the stand-in; 0 (free ports) unless given. */
  idpPort?: number;
  standInPort?: number;
  /** Reports progress (the build, the URLs). */
  log?: (line: string) => void;
}

export interface Playground {
  ext: ExtensionBrowser;
  idpUrl: string;
  standIn: RunningStandIn;
  /** The tab showing the IdP's login page. */
  loginPage: Page;
  close(): Promise<void>;
}

/** Newest modification time under `dir`, for deciding whether the build is stale. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds the extension for `browser` when there is no build or the sources are newer. */
export function ensureBuild(browser: BrowserName, log: (line: string) => void = () => {}): void {
  const manifest = join(browser === 'firefox' ? DIST_FIREFOX : DIST, 'manifest.json');
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newest(join(ROOT, 'src'))) return;
  log(`Building the extension for ${browser}...`);
  const built = spawnSync('npx', ['vite', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    // A production build whatever the caller's NODE_ENV (vitest sets "test", which would ship
    // preact's debug code and overrun the bundle budget).
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ...(browser === 'firefox' ? { TARGET: 'firefox' } : {}),
    },
  });
  if (built.status !== 0) throw new Error(`the build failed (vite build exited ${built.status})`);
}

/** Starts the IdP, the stand-in trusting it, and the browser on the IdP's login page. */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const browser = options.browser ?? 'chromium';
  const log = options.log ?? (() => {});
  ensureBuild(browser, log);
  const idp = await startIdp({ config: demoConfig(), port: options.idpPort ?? 0, demo: true });
  let standIn: RunningStandIn | undefined;
  let ext: ExtensionBrowser | undefined;
  try {
    standIn = await startStandInCommand({
      port: options.standInPort ?? 0,
      dataDir: options.standInDataDir,
      trust: [{ source: 'the companion IdP', xml: idp.metadataXml }],
      roles: demoStandInRoles(),
    });
    ext = await launchWithExtension({
      browser,
      headless: options.headless ?? false,
      awsHostPort: standIn.hostPort,
      awsSpkiHash: standIn.spkiHash,
    });
    const [first] = await ext.browser.pages();
    const loginPage = first ?? (await ext.browser.newPage());
    await loginPage.goto(`${idp.url}/login`, { waitUntil: 'load', timeout: WAIT_MS });
    const running = { ext, standIn };
    return {
      ext,
      idpUrl: idp.url,
      standIn,
      loginPage,
      async close() {
        // The person may have closed the window already.
        await running.ext.close().catch(() => undefined);
        await Promise.all([idp.close(), running.standIn.close()]);
      },
    };
  } catch (error) {
    await ext?.close();
    await Promise.all([idp.close(), standIn?.close()]);
    throw error;
  }
}
