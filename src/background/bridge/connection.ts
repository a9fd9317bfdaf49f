import type { Clock } from '../../core/inspect.ts';
import type { NativePort } from '../../platform/native-messaging.ts';
import type { BridgeState } from '../../shared/bridge-state.ts';
import { retryDelayMs, STABLE_CONNECTION_MS } from './backoff.ts';

/**
 * The host has not dropped the port this long after connecting: it started. Browsers report a
 * missing host by disconnecting at once, so until then the state says "connecting".
 */
export const STARTED_AFTER_MS = 1_000;

export interface ConnectionDeps {
  /** Opens the port to the native host; may throw (e.g. the permission was removed). */
  connect(): NativePort;
  /** The answer to one message from the host; never rejects. */
  answer(message: unknown): Promise<unknown>;
  setState(state: BridgeState): void;
  /** Runs `task` after `ms`; returns a cancel. setTimeout in the worker, a fake clock in tests. */
  schedule(task: () => void, ms: number): () => void;
  now: Clock;
}

export interface BridgeConnection {
  /** Connects unless already on; a dropped port is retried with backoff until `stop`. */
  start(): void;
  /** Disconnects and stops retrying. */
  stop(): void;
}

/** What the browsers say when no host manifest names this extension (Chrome, then Firefox). */
const HOST_MISSING = /not found|no such native application/i;

export function bridgeConnection(deps: ConnectionDeps): BridgeConnection {
  let running = false;
  let port: NativePort | undefined;
  let openedAt = 0;
  let failures = 0;
  let cancelTimer: (() => void) | undefined;

  const wait = (task: () => void, ms: number): void => {
    cancelTimer?.();
    cancelTimer = deps.schedule(() => {
      cancelTimer = undefined;
      task();
    }, ms);
  };

  const dropped = (error: string | undefined): void => {
    port = undefined;
    if (!running) return;
    if (deps.now() - openedAt >= STABLE_CONNECTION_MS) failures = 0;
    failures++;
    const retryInMs = retryDelayMs(failures);
    const message = error ?? 'the native host exited';
    deps.setState(
      HOST_MISSING.test(message)
        ? { kind: 'host-missing', message, retryInMs }
        : { kind: 'error', message, retryInMs },
    );
    wait(open, retryInMs);
  };

  function open(): void {
    if (!running) return;
    deps.setState({ kind: 'connecting' });
    openedAt = deps.now();
    let opened: NativePort;
    try {
      opened = deps.connect();
    } catch (error) {
      dropped(error instanceof Error ? error.message : String(error));
      return;
    }
    port = opened;
    opened.onMessage((message) => {
      void deps.answer(message).then((response) => {
        // The host that asked is gone if the port was replaced: its answer has no one to go to.
        if (port !== opened) return;
        try {
          opened.postMessage(response);
        } catch {
          // Disconnected between the check and the send: onDisconnect handles the drop.
        }
      });
    });
    opened.onDisconnect((error) => {
      if (port === opened) dropped(error);
    });
    wait(() => {
      if (port === opened) deps.setState({ kind: 'connected' });
    }, STARTED_AFTER_MS);
  }

  return {
    start() {
      if (running) return;
      running = true;
      failures = 0;
      open();
    },
    stop() {
      running = false;
      cancelTimer?.();
      cancelTimer = undefined;
      const closing = port;
      port = undefined;
      closing?.disconnect();
      deps.setState({ kind: 'off' });
    },
  };
}
