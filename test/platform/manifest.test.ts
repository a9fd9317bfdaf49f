// The per-browser manifests: one source, the differences in scripts/manifest.ts.
import { describe, expect, it } from 'vitest';
import { FIREFOX_MIN_VERSION, GECKO_ID, manifestFor } from '../../scripts/manifest.ts';

type Loose = Record<string, unknown> & {
  background: Record<string, unknown>;
  host_permissions: string[];
  content_scripts: { matches: string[] }[];
};
const chrome = manifestFor('chrome') as unknown as Loose;
const firefox = manifestFor('firefox') as unknown as Loose;

describe('manifestFor', () => {
  it('gives Chrome a module service worker and its minimum version', () => {
    expect(chrome.background).toEqual({
      service_worker: 'src/background/index.ts',
      type: 'module',
    });
    expect(chrome.minimum_chrome_version).toBe('120');
    expect(chrome.browser_specific_settings).toBeUndefined();
  });

  it('gives Firefox a module event page, a gecko id and no Chrome-only keys', () => {
    expect(firefox.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
    expect(firefox.minimum_chrome_version).toBeUndefined();
    expect(firefox.browser_specific_settings).toMatchObject({
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
    });
  });

  it('keeps everything else the same in both', () => {
    const shared = (m: Loose) => {
      const {
        background: _b,
        minimum_chrome_version: _c,
        browser_specific_settings: _f,
        optional_permissions: _o,
        permissions: _p,
        ...rest
      } = m;
      return rest;
    };
    expect(shared(firefox)).toEqual(shared(chrome));
    expect(chrome.host_permissions).toContain('https://signin.aws.amazon.com/*');
    expect(chrome.content_scripts[0]!.matches).toContain('https://signin.aws.amazon.com/saml*');
  });

  it("asks for keep fresh's permissions as optional ones, each browser its own way to block", () => {
    expect(chrome.optional_permissions).toEqual([
      'nativeMessaging',
      'alarms',
      'scripting',
      'declarativeNetRequestWithHostAccess',
    ]);
    expect(firefox.optional_permissions).toEqual([
      'nativeMessaging',
      'scripting',
      'webRequestBlocking',
    ]);
    // Firefox refuses alarms as an optional permission: asked up front, with no prompt.
    expect(firefox.permissions).toEqual(['webRequest', 'storage', 'alarms']);
    // Chrome drops plain declarativeNetRequest from optional_permissions (it cannot be optional).
    expect(chrome.optional_permissions).not.toContain('declarativeNetRequest');
  });

  it('refuses an unknown target', () => {
    expect(() => manifestFor('safari' as 'chrome')).toThrow(/unknown target/);
  });

  it('asks for least privilege: two API permissions, AWS hosts only, anything else optional', () => {
    expect(chrome.permissions).toEqual(['webRequest', 'storage']);
    const awsHost =
      /^https:\/\/(\*\.)?(signin\.aws\.amazon\.com|signin\.amazonaws-us-gov\.com|signin\.amazonaws\.cn|sts(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?)\/\*$/;
    for (const pattern of chrome.host_permissions) expect(pattern).toMatch(awsHost);
    // Only a custom STS endpoint set by the user needs more, asked for at the moment it is saved.
    expect(chrome.optional_host_permissions).toEqual([
      'https://*/*',
      'http://127.0.0.1/*',
      'http://localhost/*',
    ]);
  });

  it('asks for native messaging only as an optional permission (the bridge, off by default), in both browsers', () => {
    for (const manifest of [chrome, firefox]) {
      expect(manifest.optional_permissions).toContain('nativeMessaging');
      expect(manifest.permissions).not.toContain('nativeMessaging');
    }
  });
});
