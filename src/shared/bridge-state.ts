// The bridge to the AWS CLI: whether the user turned it on (storage.local, a setting) and how the
// worker's connection to the native host is doing (storage.session, shown by the options page).
// Neither holds a secret: no credentials, no assertion.
import type { KeyValueArea } from '../platform/types.ts';

/** storage.local: `true` once the user turned the bridge on in the options. */
export const BRIDGE_ENABLED_KEY = 'bridgeEnabled';
/** storage.session: the worker's latest BridgeState. */
export const BRIDGE_STATE_KEY = 'bridge-state';

export type BridgeState =
  | { kind: 'off' }
  | { kind: 'connecting' }
  | { kind: 'connected' }
  /** The browser found no host manifest for saml_roles.bridge (or it names another extension). */
  | { kind: 'host-missing'; message: string; retryInMs: number }
  | { kind: 'error'; message: string; retryInMs: number };

const KINDS: ReadonlySet<string> = new Set([
  'off',
  'connecting',
  'connected',
  'host-missing',
  'error',
]);

/** A stored state, or `off` for anything else (nothing stored yet, an older shape). */
export function readBridgeState(value: unknown): BridgeState {
  if (typeof value !== 'object' || value === null) return { kind: 'off' };
  const { kind, message, retryInMs } = value as Record<string, unknown>;
  if (typeof kind !== 'string' || !KINDS.has(kind)) return { kind: 'off' };
  if (kind === 'host-missing' || kind === 'error')
    return {
      kind,
      message: typeof message === 'string' ? message : 'unknown error',
      retryInMs: typeof retryInMs === 'number' ? retryInMs : 0,
    };
  return { kind } as BridgeState;
}

export const readBridgeEnabled = async (local: KeyValueArea): Promise<boolean> =>
  (await local.get(BRIDGE_ENABLED_KEY)) === true;
