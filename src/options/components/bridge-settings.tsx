import { useEffect, useState } from 'preact/hooks';
import type { BridgeState } from '../../shared/bridge-state.ts';
import {
  type BridgeToggleDeps,
  describeBridgeState,
  installBrowsers,
  installCommand,
  turnBridgeOff,
  turnBridgeOn,
} from '../bridge-toggle.ts';

export interface BridgeSettingsProps extends BridgeToggleDeps {
  initialEnabled: boolean;
  initialState: BridgeState;
  /** Calls back with each new connection state the worker stores. */
  watchState(listener: (state: BridgeState) => void): void;
  extensionId: string;
  target: 'chrome' | 'firefox';
  copyText(text: string): Promise<void>;
}

/** "Bridge to the AWS CLI": the switch, the install command to copy, and the connection state. */
export function BridgeSettings({
  initialEnabled,
  initialState,
  watchState,
  extensionId,
  target,
  copyText,
  ...deps
}: BridgeSettingsProps) {
  const [enabled, setEnabled] = useState(initialEnabled);
  const [state, setState] = useState(initialState);
  const [message, setMessage] = useState('');
  const browsers = installBrowsers(target);
  const [browser, setBrowser] = useState(browsers[0]!);
  useEffect(() => watchState(setState), []);
  const command = installCommand(browser, extensionId);
  const toggle = (on: boolean): void => {
    // Called within the change event: the permission prompt needs the user's gesture.
    (on ? turnBridgeOn(deps) : turnBridgeOff(deps)).then(
      (outcome) => {
        setEnabled(outcome.enabled);
        setMessage(outcome.message);
      },
      (error: unknown) => setMessage(`Could not change the bridge: ${String(error)}`),
    );
  };
  return (
    <div class="bridge" data-testid="bridge-settings">
      <label class="bridge-switch">
        <input
          type="checkbox"
          data-testid="bridge-enabled"
          checked={enabled}
          onChange={(e) => toggle(e.currentTarget.checked)}
        />{' '}
        Bridge to the AWS CLI
      </label>
      <p class="muted">
        Lets <code>saml-roles credential-process</code> get credentials for a role you signed in to
        in this browser. Turning it on asks for the native messaging permission; turning it off
        gives it back.
      </p>
      {enabled && (
        <>
          <p class="muted">Install the host once, for this extension:</p>
          {browsers.length > 1 && (
            <label class="field">
              <span>Browser</span>
              <select
                data-testid="bridge-browser"
                value={browser}
                onChange={(e) => setBrowser(e.currentTarget.value as typeof browser)}
              >
                {browsers.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <pre class="bridge-command" data-testid="bridge-install-command">
            {command}
          </pre>
          <button
            type="button"
            data-testid="copy-bridge-command"
            onClick={() =>
              void copyText(command).then(
                () => setMessage('Command copied.'),
                (error: unknown) => setMessage(`Could not copy: ${String(error)}`),
              )
            }
          >
            Copy command
          </button>
          <p data-testid="bridge-state" data-state={state.kind}>
            {describeBridgeState(state)}
          </p>
        </>
      )}
      <p role="status" data-testid="bridge-message">
        {message}
      </p>
    </div>
  );
}
