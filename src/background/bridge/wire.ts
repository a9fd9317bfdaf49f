import { BRIDGE_HOST_NAME } from '../../core/bridge.ts';
import type { NativePort } from '../../platform/native-messaging.ts';
import type { KeyValueArea } from '../../platform/types.ts';
import { BRIDGE_STATE_KEY, type BridgeState } from '../../shared/bridge-state.ts';
import { bridgeRequestHandler } from './answer-request.ts';
import { bridgeConnection } from './connection.ts';
import type { BridgeDeps } from './deps.ts';

export interface BridgeWiring extends BridgeDeps {
  connectNative(name: string): NativePort;
  /** Whether the user turned the bridge on and the browser still grants nativeMessaging. */
  wanted(): Promise<boolean>;
  /** storage.session: where the options page reads the connection state. */
  session: KeyValueArea;
  report(what: string): (error: unknown) => void;
}

/**
 * The bridge as the worker runs it: `sync` connects or disconnects to match the setting and the
 * permission; call it at start and whenever either changes. The state never holds a secret.
 */
export function wireBridge(wiring: BridgeWiring): { sync(): void } {
  const connection = bridgeConnection({
    connect: () => wiring.connectNative(BRIDGE_HOST_NAME),
    answer: bridgeRequestHandler(wiring),
    setState: (state: BridgeState) =>
      void wiring.session.set(BRIDGE_STATE_KEY, state).catch(wiring.report('bridge state')),
    schedule: (task, ms) => {
      const timer = setTimeout(task, ms);
      return () => clearTimeout(timer);
    },
    now: wiring.now,
  });
  // Changes can arrive together (setting and permission): each sync reads both afresh, in order.
  let chain: Promise<void> = Promise.resolve();
  return {
    sync() {
      chain = chain
        .then(wiring.wanted)
        .then((on) => (on ? connection.start() : connection.stop()))
        .catch(wiring.report('bridge'));
    },
  };
}
