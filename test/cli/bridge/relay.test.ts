import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Relay } from '../../../src/cli/bridge/relay.ts';
import type { BridgeResponse } from '../../../src/core/bridge.ts';

const CREDENTIALS = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'secret',
  sessionToken: 'token',
  expiration: '2026-01-01T01:00:00Z',
};
const ask = (id: string, roleArn = 'arn:aws:iam::111111111111:role/A') => ({
  v: 1,
  id,
  type: 'credentials',
  roleArn,
});

function setup(maxPending = 8) {
  const toBrowser: Record<string, unknown>[] = [];
  const logs: string[] = [];
  const relay = new Relay({
    toBrowser: (request) => void toBrowser.push(request as Record<string, unknown>),
    timeoutMs: 1000,
    maxPending,
    log: (line) => void logs.push(line),
  });
  const client = () => {
    const answers: BridgeResponse[] = [];
    const reply = (answer: BridgeResponse) => void answers.push(answer);
    return { answers, reply };
  };
  return { relay, toBrowser, logs, client };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('the relay between CLI clients and the extension', () => {
  it('gives each client its own answer even when both chose the same id', () => {
    const { relay, toBrowser, client } = setup();
    const one = client();
    const two = client();
    relay.fromClient(ask('1', 'arn:aws:iam::111111111111:role/A'), one.reply);
    relay.fromClient(ask('1', 'arn:aws:iam::111111111111:role/B'), two.reply);
    expect(toBrowser.map((request) => request.id)).toEqual(['h1', 'h2']);
    // The extension answers out of order.
    relay.fromBrowser({ v: 1, id: 'h2', ok: true, type: 'credentials', credentials: CREDENTIALS });
    relay.fromBrowser({
      v: 1,
      id: 'h1',
      ok: false,
      error: { code: 'no-capture', message: 'no capture holds A' },
    });
    expect(two.answers).toEqual([
      { v: 1, id: '1', ok: true, type: 'credentials', credentials: CREDENTIALS },
    ]);
    expect(one.answers).toEqual([
      { v: 1, id: '1', ok: false, error: { code: 'no-capture', message: 'no capture holds A' } },
    ]);
    expect(relay.waiting).toBe(0);
  });

  it('answers a bad request with bad-request and passes nothing on', () => {
    const { relay, toBrowser, client } = setup();
    const c = client();
    relay.fromClient({ v: 1, id: 'x', type: 'credentials' }, c.reply);
    relay.fromClient('not an object', c.reply);
    relay.fromClient({ v: 2, id: 'y', type: 'status' }, c.reply);
    expect(toBrowser).toEqual([]);
    expect(c.answers.map((a) => [a.id, !a.ok && a.error.code])).toEqual([
      ['x', 'bad-request'],
      ['unknown', 'bad-request'],
      ['y', 'bad-request'],
    ]);
  });

  it('answers timeout when the extension is silent, and drops its late answer', () => {
    const { relay, logs, client } = setup();
    const c = client();
    relay.fromClient(ask('1'), c.reply);
    vi.advanceTimersByTime(1000);
    expect(c.answers).toEqual([
      {
        v: 1,
        id: '1',
        ok: false,
        error: { code: 'timeout', message: 'the extension did not answer within 1 s' },
      },
    ]);
    relay.fromBrowser({ v: 1, id: 'h1', ok: true, type: 'credentials', credentials: CREDENTIALS });
    expect(c.answers).toHaveLength(1);
    expect(logs).toEqual(['an answer from the extension came for no waiting request']);
  });

  it('says host-busy past the bound on waiting requests', () => {
    const { relay, toBrowser, client } = setup(2);
    const c = client();
    for (const id of ['1', '2', '3']) relay.fromClient(ask(id), c.reply);
    expect(toBrowser).toHaveLength(2);
    expect(c.answers.map((a) => [a.id, !a.ok && a.error.code])).toEqual([['3', 'host-busy']]);
  });

  it('forgets the requests of a client that left', () => {
    const { relay, client } = setup();
    const c = client();
    relay.fromClient(ask('1'), c.reply);
    relay.dropClient(c.reply);
    expect(relay.waiting).toBe(0);
    vi.advanceTimersByTime(5000);
    expect(c.answers).toEqual([]);
  });

  it('refuses a malformed answer from the extension, telling the waiting client, logging no value', () => {
    const { relay, logs, client } = setup();
    const c = client();
    relay.fromClient(ask('1'), c.reply);
    relay.fromBrowser({
      v: 1,
      id: 'h1',
      ok: true,
      type: 'credentials',
      credentials: { ...CREDENTIALS, expiration: 'soon' },
    });
    expect(c.answers.map((a) => !a.ok && a.error.code)).toEqual(['bad-request']);
    expect(logs.join('\n')).not.toMatch(/secret|token|ASIA/);
  });

  it('ends every wait when the browser closes the port', () => {
    const { relay, client } = setup();
    const c = client();
    relay.fromClient(ask('1'), c.reply);
    relay.close('the browser closed the bridge');
    expect(c.answers.map((a) => !a.ok && a.error.message)).toEqual([
      'the browser closed the bridge',
    ]);
  });
});
