import { join, win32 } from 'node:path';
import { BRIDGE_HOST_NAME } from '../../core/bridge.ts';
import { bridgeDataDir, type Env } from './socket-path.ts';

export const BROWSERS = ['chrome', 'chromium', 'firefox'] as const;
export type Browser = (typeof BROWSERS)[number];

export interface ManifestLocation {
  browser: Browser;
  /** The manifest file. */
  path: string;
  /** Windows: the registry key whose default value must name `path`. */
  registryKey?: string;
}

const FILE = `${BRIDGE_HOST_NAME}.json`;

/** Per-user locations, as each browser documents them (Chrome's and MDN's native messaging pages). */
const USER_DIRS: Record<'linux' | 'darwin', Record<Browser, string[]>> = {
  linux: {
    chrome: ['.config', 'google-chrome', 'NativeMessagingHosts'],
    chromium: ['.config', 'chromium', 'NativeMessagingHosts'],
    firefox: ['.mozilla', 'native-messaging-hosts'],
  },
  darwin: {
    chrome: ['Library', 'Application Support', 'Google', 'Chrome', 'NativeMessagingHosts'],
    chromium: ['Library', 'Application Support', 'Chromium', 'NativeMessagingHosts'],
    firefox: ['Library', 'Application Support', 'Mozilla', 'NativeMessagingHosts'],
  },
};

const REGISTRY_KEYS: Record<Browser, string> = {
  chrome: 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts',
  chromium: 'HKCU\\Software\\Chromium\\NativeMessagingHosts',
  firefox: 'HKCU\\Software\\Mozilla\\NativeMessagingHosts',
};

/**
 * Where `browser` reads the host manifest. A Chrome or Chromium started with --user-data-dir=DIR
 * reads `DIR/NativeMessagingHosts/` (give it as `profileDir`). Windows reads a registry key that
 * names the file, so the file goes beside the launcher.
 */
export function manifestLocation(
  browser: Browser,
  platform: NodeJS.Platform,
  env: Env,
  home: string,
  profileDir?: string,
): ManifestLocation {
  if (profileDir !== undefined) {
    if (browser === 'firefox')
      throw new Error(
        'Firefox has no per-profile host manifests: it reads the per-user location only (set HOME for a test profile)',
      );
    return { browser, path: join(profileDir, 'NativeMessagingHosts', FILE) };
  }
  if (platform === 'win32') {
    const base = env.LOCALAPPDATA ?? win32.join(home, 'AppData', 'Local');
    return {
      browser,
      path: win32.join(base, 'saml-roles', 'bridge', browser, FILE),
      registryKey: `${REGISTRY_KEYS[browser]}\\${BRIDGE_HOST_NAME}`,
    };
  }
  const dirs = USER_DIRS[platform === 'darwin' ? 'darwin' : 'linux'][browser];
  return { browser, path: join(home, ...dirs, FILE) };
}

/** The `reg add` line that registers a manifest on Windows. */
export function regAddCommand(location: ManifestLocation): string {
  return `reg add "${location.registryKey}" /ve /t REG_SZ /d "${location.path}" /f`;
}

/** The launcher for one manifest: its own file, so each names its manifest to the host. */
export function launcherPath(
  env: Env,
  location: ManifestLocation,
  platform: NodeJS.Platform,
  hash: string,
): string {
  const name = `host-${location.browser}-${hash}${platform === 'win32' ? '.cmd' : ''}`;
  return join(bridgeDataDir(env), 'bridge', name);
}
