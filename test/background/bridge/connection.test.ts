import { describe, expect, it } from 'vitest';
import {
  FIRST_RETRY_MS,
  MAX_RETRY_MS,
  retryDelayMs,
  STABLE_CONNECTION_MS,
} from '../../../src/background/bridge/backoff.ts';
import { bridgeConnection, STARTED_AFTER_MS } from '../../../src/background/bridge/connection.ts';
import type { NativePort } from '../../../src/platform/native-messaging.ts';
import type { BridgeState } from '../../../src/shared/bridge-state.ts';

/** A native port the test drives: the host's messages in, the extension's answers out. */
function fakePort() {
  const messageListeners: ((message: unknown) => void)[] = [];
  const disconnectListeners: ((error: string | undefined) => void)[] = [];
  const sent: unknown[] = [];
  let disconnected = false;
  const port: NativePort = {
    postMessage: (message) => void sent.push(message),
    onMessage: (listener) => void messageListeners.push(listener),
    onDisconnect: (listener) => void disconnectListeners.push(listener),
    disconnect: () => void (disconnected = true),
  };
  return {
    port,
    sent,
    isDisconnected: () => disconnected,
    receive: (message: unknown) => messageListeners.forEach((l) => l(message)),
    drop: (error?: string) => disconnectListeners.forEach((l) => l(error)),
  };
}

/** A clock and timer queue under the test's control: nothing runs until `advance`. */
function harness(connectImpl?: () => NativePort) {
  let now = 0;
  const timers: { at: number; task: () => void; cancelled: boolean }[] = [];
  const ports: ReturnType<typeof fakePort>[] = [];
  const states: BridgeState[] = [];
  let connects = 0;
  const connection = bridgeConnection({
    connect: () => {
      connects++;
      if (connectImpl) return connectImpl();
      const made = fakePort();
      ports.push(made);
      return made.port;
    },
    answer: async (message) => ({ echo: message }),
    setState: (state) => void states.push(state),
    schedule: (task, ms) => {
      const timer = { at: now + ms, task, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
    now: () => now,
  });
  /** Moves the clock, running each timer that comes due in order. */
  const advance = (ms: number): void => {
    const until = now + ms;
    for (;;) {
      const due = timers
        .filter((t) => !t.cancelled && t.at <= until)
        .sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      due.cancelled = true;
      now = due.at;
      due.task();
    }
    now = until;
  };
  const pending = () => timers.filter((t) => !t.cancelled).length;
  return {
    connection,
    ports,
    states,
    advance,
    pending,
    connects: () => connects,
    last: () => states.at(-1),
  };
}

describe('the bridge connection', () => {
  it('connects, says connected once the host stayed up, and answers each message on the same port', async () => {
    const h = harness();
    h.connection.start();
    expect(h.last()).toEqual({ kind: 'connecting' });
    h.advance(STARTED_AFTER_MS);
    expect(h.last()).toEqual({ kind: 'connected' });
    h.ports[0]!.receive({ id: 'a' });
    await Promise.resolve();
    await Promise.resolve();
    expect(h.ports[0]!.sent).toEqual([{ echo: { id: 'a' } }]);
  });

  it('reports a missing host, and retries with a doubling delay up to the cap: never a hot loop', () => {
    const h = harness();
    h.connection.start();
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      h.ports.at(-1)!.drop('Specified native messaging host not found.');
      const state = h.last();
      expect(state?.kind).toBe('host-missing');
      if (state?.kind === 'host-missing') waits.push(state.retryInMs);
      // Nothing reconnects before the wait is over.
      const before = h.connects();
      h.advance(waits.at(-1)! - 1);
      expect(h.connects()).toBe(before);
      h.advance(1);
      expect(h.connects()).toBe(before + 1);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60, 60].map((s) => s * 1000));
  });

  it("classifies Firefox's missing-host message too, and anything else as an error", () => {
    const h = harness();
    h.connection.start();
    h.ports[0]!.drop('No such native application saml_roles.bridge');
    expect(h.last()?.kind).toBe('host-missing');
    h.advance(FIRST_RETRY_MS);
    h.ports[1]!.drop(undefined);
    expect(h.last()).toMatchObject({ kind: 'error', message: 'the native host exited' });
  });

  it('starts the backoff over after a connection that lived long enough', () => {
    const h = harness();
    h.connection.start();
    h.ports[0]!.drop('Native host has exited.');
    h.advance(FIRST_RETRY_MS);
    h.ports[1]!.drop('Native host has exited.');
    expect(h.last()).toMatchObject({ retryInMs: 2 * FIRST_RETRY_MS });
    h.advance(2 * FIRST_RETRY_MS + STABLE_CONNECTION_MS);
    h.ports[2]!.drop('Native host has exited.');
    expect(h.last()).toMatchObject({ retryInMs: FIRST_RETRY_MS });
  });

  it('treats connect throwing (the permission was removed) as a drop with backoff', () => {
    const h = harness(() => {
      throw new Error('browser.runtime.connectNative is not a function');
    });
    h.connection.start();
    expect(h.last()).toMatchObject({ kind: 'error', retryInMs: FIRST_RETRY_MS });
    h.advance(FIRST_RETRY_MS);
    expect(h.connects()).toBe(2);
  });

  it('stops: disconnects, cancels the retry, says off, and a late drop schedules nothing', () => {
    const h = harness();
    h.connection.start();
    h.ports[0]!.drop('Native host has exited.');
    h.advance(FIRST_RETRY_MS);
    h.connection.stop();
    expect(h.ports[1]!.isDisconnected()).toBe(true);
    expect(h.last()).toEqual({ kind: 'off' });
    h.ports[1]!.drop('Native host has exited.');
    h.advance(10 * MAX_RETRY_MS);
    expect(h.connects()).toBe(2);
    expect(h.pending()).toBe(0);
  });

  it('starting twice opens one port', () => {
    const h = harness();
    h.connection.start();
    h.connection.start();
    expect(h.connects()).toBe(1);
  });

  it('does not answer on a port that dropped while the answer was being made', async () => {
    const h = harness();
    h.connection.start();
    h.ports[0]!.receive({ id: 'late' });
    h.ports[0]!.drop('Native host has exited.');
    await Promise.resolve();
    await Promise.resolve();
    expect(h.ports[0]!.sent).toEqual([]);
  });

  it('bounds the delay for any attempt count', () => {
    expect(retryDelayMs(0)).toBe(FIRST_RETRY_MS);
    expect(retryDelayMs(1_000_000)).toBe(MAX_RETRY_MS);
  });
});
