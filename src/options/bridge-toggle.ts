// Turning the bridge to the AWS CLI on and off: the permission first, then the setting the worker
// follows. No secrets pass through here.
import type { BridgeState } from '../shared/bridge-state.ts';

export interface BridgeToggleDeps {
  /** Asks the browser for nativeMessaging; call within the click (a user gesture). */
  requestPermission(): Promise<boolean>;
  removePermission(): Promise<boolean>;
  saveEnabled(enabled: boolean): Promise<void>;
}

export interface ToggleOutcome {
  enabled: boolean;
  message: string;
}

/** On only once the browser granted nativeMessaging; a refusal leaves the bridge off. */
export async function turnBridgeOn(deps: BridgeToggleDeps): Promise<ToggleOutcome> {
  if (!(await deps.requestPermission()))
    return {
      enabled: false,
      message: 'Not turned on: the browser did not grant the native messaging permission.',
    };
  await deps.saveEnabled(true);
  return { enabled: true, message: 'Bridge on.' };
}

/** The setting first, so the worker disconnects before the permission (and its API) goes. */
export async function turnBridgeOff(deps: BridgeToggleDeps): Promise<ToggleOutcome> {
  await deps.saveEnabled(false);
  await deps.removePermission();
  return { enabled: false, message: 'Bridge off; the native messaging permission is removed.' };
}

/** The browsers `saml-roles bridge install` knows; a Chrome build serves Chrome and Chromium. */
export type InstallBrowser = 'chrome' | 'chromium' | 'firefox';

export const installBrowsers = (target: 'chrome' | 'firefox'): InstallBrowser[] =>
  target === 'firefox' ? ['firefox'] : ['chrome', 'chromium'];

/** The command that writes the native host manifest naming this extension. */
export const installCommand = (browser: InstallBrowser, extensionId: string): string =>
  `saml-roles bridge install --browser ${browser} --extension-id ${extensionId}`;

/** The connection state in words; the worker's messages are the browser's, never a secret. */
export function describeBridgeState(state: BridgeState): string {
  const retry = (ms: number): string => ` Next try in ${Math.max(1, Math.round(ms / 1000))} s.`;
  switch (state.kind) {
    case 'off':
      return 'Off.';
    case 'connecting':
      return 'Connecting to the saml-roles host...';
    case 'connected':
      return 'Connected: the AWS CLI can ask for credentials.';
    case 'host-missing':
      return `Host not installed: run the command above, then wait.${retry(state.retryInMs)}`;
    case 'error':
      return `Error: ${state.message.replace(/\.$/, '')}.${retry(state.retryInMs)}`;
  }
}
