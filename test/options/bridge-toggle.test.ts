import { describe, expect, it } from 'vitest';
import {
  type BridgeToggleDeps,
  describeBridgeState,
  installBrowsers,
  installCommand,
  turnBridgeOff,
  turnBridgeOn,
} from '../../src/options/bridge-toggle.ts';
import { BRIDGE_ENABLED_KEY, readBridgeEnabled } from '../../src/shared/bridge-state.ts';
import { memoryArea } from '../background/memory-area.ts';

/** The browser's permission as a flag, the setting in an in-memory storage.local, calls in order. */
function fakeBrowser(grant: boolean) {
  const local = memoryArea();
  const calls: string[] = [];
  let granted = false;
  const deps: BridgeToggleDeps = {
    requestPermission: async () => {
      calls.push('request nativeMessaging');
      granted = grant;
      return grant;
    },
    removePermission: async () => {
      calls.push('remove nativeMessaging');
      const had = granted;
      granted = false;
      return had;
    },
    saveEnabled: async (on) => {
      calls.push(`save ${on}`);
      await local.set(BRIDGE_ENABLED_KEY, on);
    },
  };
  return { deps, local, calls, granted: () => granted };
}

describe('the options bridge toggle', () => {
  it('turning on asks for nativeMessaging, then saves the setting the worker follows', async () => {
    const browser = fakeBrowser(true);
    expect(await turnBridgeOn(browser.deps)).toEqual({ enabled: true, message: 'Bridge on.' });
    expect(browser.calls).toEqual(['request nativeMessaging', 'save true']);
    expect(await readBridgeEnabled(browser.local)).toBe(true);
    expect(browser.granted()).toBe(true);
  });

  it('stays off, saving nothing, when the browser does not grant the permission', async () => {
    const browser = fakeBrowser(false);
    const outcome = await turnBridgeOn(browser.deps);
    expect(outcome.enabled).toBe(false);
    expect(outcome.message).toMatch(/did not grant the native messaging permission/);
    expect(browser.calls).toEqual(['request nativeMessaging']);
    expect(await readBridgeEnabled(browser.local)).toBe(false);
  });

  it('turning off saves the setting first (the worker disconnects), then removes the permission', async () => {
    const browser = fakeBrowser(true);
    await turnBridgeOn(browser.deps);
    const outcome = await turnBridgeOff(browser.deps);
    expect(outcome.enabled).toBe(false);
    expect(browser.calls.slice(2)).toEqual(['save false', 'remove nativeMessaging']);
    expect(browser.granted()).toBe(false);
    expect(await readBridgeEnabled(browser.local)).toBe(false);
  });

  it('gives the exact install command for each browser this build serves', () => {
    expect(installBrowsers('chrome')).toEqual(['chrome', 'chromium']);
    expect(installBrowsers('firefox')).toEqual(['firefox']);
    expect(installCommand('chromium', 'abcdefghijklmnopabcdefghijklmnop')).toBe(
      'saml-roles bridge install --browser chromium --extension-id abcdefghijklmnopabcdefghijklmnop',
    );
    expect(installCommand('firefox', 'saml-roles@saml-roles.dev')).toBe(
      'saml-roles bridge install --browser firefox --extension-id saml-roles@saml-roles.dev',
    );
  });

  it('says each connection state in words', () => {
    expect(describeBridgeState({ kind: 'connected' })).toMatch(/^Connected/);
    expect(
      describeBridgeState({
        kind: 'host-missing',
        message: 'Specified native messaging host not found.',
        retryInMs: 4000,
      }),
    ).toBe('Host not installed: run the command above, then wait. Next try in 4 s.');
    expect(
      describeBridgeState({ kind: 'error', message: 'Native host has exited.', retryInMs: 500 }),
    ).toBe('Error: Native host has exited. Next try in 1 s.');
  });
});
