import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildHostManifest,
  buildLauncher,
  FIREFOX_EXTENSION_ID,
} from '../../../src/cli/bridge/host-manifest.ts';
import { manifestLocation, regAddCommand } from '../../../src/cli/bridge/manifest-location.ts';

const HOME = '/home/ann';
const at = (
  browser: 'chrome' | 'chromium' | 'firefox',
  platform: NodeJS.Platform,
  profile?: string,
) => manifestLocation(browser, platform, {}, HOME, profile).path;

describe('where each browser reads the host manifest', () => {
  it('on Linux', () => {
    expect(at('chrome', 'linux')).toBe(
      '/home/ann/.config/google-chrome/NativeMessagingHosts/saml_roles.bridge.json',
    );
    expect(at('chromium', 'linux')).toBe(
      '/home/ann/.config/chromium/NativeMessagingHosts/saml_roles.bridge.json',
    );
    expect(at('firefox', 'linux')).toBe(
      '/home/ann/.mozilla/native-messaging-hosts/saml_roles.bridge.json',
    );
  });

  it('on macOS', () => {
    expect(at('chrome', 'darwin')).toBe(
      '/home/ann/Library/Application Support/Google/Chrome/NativeMessagingHosts/saml_roles.bridge.json',
    );
    expect(at('chromium', 'darwin')).toBe(
      '/home/ann/Library/Application Support/Chromium/NativeMessagingHosts/saml_roles.bridge.json',
    );
    expect(at('firefox', 'darwin')).toBe(
      '/home/ann/Library/Application Support/Mozilla/NativeMessagingHosts/saml_roles.bridge.json',
    );
  });

  it('for a Chromium started with --user-data-dir', () => {
    expect(at('chromium', 'linux', '/tmp/profile')).toBe(
      '/tmp/profile/NativeMessagingHosts/saml_roles.bridge.json',
    );
    expect(() => at('firefox', 'linux', '/tmp/profile')).toThrow(/Firefox has no per-profile/);
  });

  it('on Windows: a file beside the launcher, and the registry key that names it', () => {
    const location = manifestLocation(
      'chrome',
      'win32',
      { LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' },
      HOME,
    );
    expect(location.path).toBe(
      'C:\\Users\\ann\\AppData\\Local\\saml-roles\\bridge\\chrome\\saml_roles.bridge.json',
    );
    expect(regAddCommand(location)).toBe(
      'reg add "HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\saml_roles.bridge" /ve /t REG_SZ /d "C:\\Users\\ann\\AppData\\Local\\saml-roles\\bridge\\chrome\\saml_roles.bridge.json" /f',
    );
    expect(manifestLocation('firefox', 'win32', {}, HOME).registryKey).toBe(
      'HKCU\\Software\\Mozilla\\NativeMessagingHosts\\saml_roles.bridge',
    );
  });
});

describe('the manifest and its launcher', () => {
  it('lists the extension the way each browser wants', () => {
    expect(buildHostManifest('chrome', '/l', 'a'.repeat(32))).toMatchObject({
      name: 'saml_roles.bridge',
      path: '/l',
      type: 'stdio',
      allowed_origins: [`chrome-extension://${'a'.repeat(32)}/`],
    });
    expect(buildHostManifest('firefox', '/l', FIREFOX_EXTENSION_ID)).toMatchObject({
      allowed_extensions: ['saml-roles@saml-roles.dev'],
    });
  });

  it("uses the Firefox id the extension's manifest declares", () => {
    const source = readFileSync(new URL('../../../scripts/manifest.ts', import.meta.url), 'utf8');
    expect(source).toContain(`export const GECKO_ID = '${FIREFOX_EXTENSION_ID}';`);
  });

  it('execs node and the CLI by absolute path, quoted for the shell', () => {
    expect(
      buildLauncher('linux', '/opt/node/bin/node', "/it's here/saml-roles.js", '/m.json'),
    ).toBe(
      [
        '#!/bin/sh',
        '# Written by saml-roles bridge install: browsers start native hosts with a minimal PATH.',
        `exec '/opt/node/bin/node' '/it'\\''s here/saml-roles.js' 'bridge' 'host' '--manifest' '/m.json' "$@"`,
        '',
      ].join('\n'),
    );
    expect(buildLauncher('win32', 'C:\\node.exe', 'C:\\cli.js', 'C:\\m.json')).toContain(
      '"C:\\node.exe" "C:\\cli.js" bridge host --manifest "C:\\m.json" %*',
    );
  });
});
