import { describe, expect, it } from 'vitest';
import { captureFromPost } from '../../src/background/capture/from-post.ts';
import { historyStore } from '../../src/background/capture/history-store.ts';
import { inspectPostedForm as inspect } from '../../src/core/index.ts';
import type { Capture } from '../../src/shared/capture.ts';
import { type HistoryCapture, historyKey, readHistoryIndex } from '../../src/shared/history.ts';
import { FIXTURE_NOW, type FixtureOptions, samlResponseBase64 } from './fixtures.ts';
import { memoryArea } from './memory-area.ts';
import type { KeyValueArea } from '../../src/platform/types.ts';

/** The capture the worker makes of one sign-in; each `n` is a new sign-in (its own Response ID). */
function capture(n: number, options: FixtureOptions = {}, tabId = 1): Capture {
  const SAMLResponse = samlResponseBase64({ responseId: `_r${n}`, ...options });
  const post = {
    tabId,
    url: 'https://signin.aws.amazon.com/saml',
    body: { formData: { SAMLResponse: [SAMLResponse] } },
  };
  return captureFromPost(post, { inspect, now: () => FIXTURE_NOW + n })!;
}

const readHistoryCapture = async (area: KeyValueArea, id: string) =>
  (await area.get(historyKey(id))) as HistoryCapture | undefined;

function setup(size = 20, byteBudget?: number) {
  const area = memoryArea();
  let currentSize = size;
  const store = historyStore(area, {
    size: async () => currentSize,
    ...(byteBudget === undefined ? {} : { byteBudget }),
  });
  const ids = async () => (await readHistoryIndex(area)).entries.map((e) => e.id);
  return { area, store, ids, setSize: (value: number) => (currentSize = value) };
}

describe('history store', () => {
  it('lists captures oldest first, each with its own id and what the list shows', async () => {
    const { area, store } = setup();
    await store.record(capture(1, { sessionName: 'alice', roles: 3 }, 4));
    await store.record(capture(2, { sessionName: 'bob', roles: 12, issuer: 'https://b/' }, 5));
    const { entries } = await readHistoryIndex(area);
    expect(entries).toMatchObject([
      { id: '1', tabId: 4, sessionName: 'alice', roleCount: 3, kind: 'decoded', kept: true },
      { id: '2', tabId: 5, sessionName: 'bob', roleCount: 12, issuer: 'https://b/' },
    ]);
    expect(entries[0]!.capturedAt).toBe(FIXTURE_NOW + 1);
    expect(entries[0]!.expiresAt).toBe(Date.parse('2030-01-01T00:05:00Z'));
  });

  it('keeps nothing that could be posted to AWS: no SAMLResponse, no XML', async () => {
    const { area, store } = setup();
    const original = capture(1);
    await store.record(original);
    const kept = await readHistoryCapture(area, '1');
    expect(kept?.kind).toBe('decoded');
    if (kept?.kind !== 'decoded' || original.kind !== 'decoded') throw new Error('not decoded');
    expect(kept.inspection.input.samlResponse).toBe('');
    expect(kept.inspection.input.xml).toBe('');
    expect(JSON.stringify([...area.data.values()])).not.toContain(
      original.inspection.input.samlResponse.slice(0, 40),
    );
    expect(kept.inspection.aws.roles).toEqual(original.inspection.aws.roles);
  });

  it('drops the oldest first past the size, removing their captures, at the size read each time', async () => {
    const { area, store, ids, setSize } = setup(3);
    for (let n = 1; n <= 5; n++) await store.record(capture(n));
    expect(await ids()).toEqual(['3', '4', '5']);
    expect(area.data.has(historyKey('1'))).toBe(false);
    expect(area.data.has(historyKey('2'))).toBe(false);
    expect(area.data.has(historyKey('3'))).toBe(true);
    setSize(1);
    await store.record(capture(6));
    expect(await ids()).toEqual(['6']);
    expect([...area.data.keys()].filter((k) => k.startsWith('history:'))).toEqual(['history:6']);
  });

  it('never reuses an id, also after the worker restarts (a new store on the same storage)', async () => {
    const { area, store, ids } = setup(2);
    for (let n = 1; n <= 3; n++) await store.record(capture(n));
    const restarted = historyStore(area, { size: async () => 2 });
    await restarted.record(capture(4));
    expect(await ids()).toEqual(['3', '4']);
  });

  it('loses no capture when several are recorded at once', async () => {
    const { store, ids } = setup(20);
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.record(capture(i + 1, {}, i))));
    expect(await ids()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('lists a POST it could not decode, honestly, and not an expiry tombstone', async () => {
    const { area, store } = setup();
    const failed = captureFromPost(
      { tabId: 2, url: 'https://signin.aws.amazon.com/saml', body: { formData: {} } },
      { inspect, now: () => FIXTURE_NOW },
    )!;
    await store.record(failed);
    const tombstone: Capture = {
      kind: 'expired',
      tabId: 2,
      capturedAt: FIXTURE_NOW,
      endpointUrl: 'https://signin.aws.amazon.com/saml',
      expiredAt: FIXTURE_NOW,
    };
    expect(await store.record(tombstone)).toBeUndefined();
    const { entries } = await readHistoryIndex(area);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'failed', roleCount: 0 });
    expect(entries[0]!.error).toMatch(/no SAMLResponse/);
  });

  it('does not list the same assertion twice when it is re-posted with a chosen role', async () => {
    const { store, ids } = setup();
    await store.record(capture(1));
    const repost = captureFromPost(
      {
        tabId: 1,
        url: 'https://signin.aws.amazon.com/saml',
        body: {
          formData: {
            SAMLResponse: [samlResponseBase64({ responseId: '_r1' })],
            roleIndex: ['arn:aws:iam::100000000000:role/team/Role0'],
          },
        },
      },
      { inspect, now: () => FIXTURE_NOW + 10 },
    )!;
    expect(await store.record(repost)).toBeUndefined();
    expect(await ids()).toEqual(['1']);
  });

  it('past the byte budget, the oldest lose their stored capture but stay listed', async () => {
    const probe = setup();
    const one = (await probe.store.record(capture(1)))!.bytes;
    // Room for about two captures of this size.
    const { area, store } = setup(20, Math.round(one * 1.2));
    for (let n = 1; n <= 3; n++) await store.record(capture(n));
    const { entries } = await readHistoryIndex(area);
    expect(entries.map((e) => [e.id, e.kept])).toEqual([
      ['1', false],
      ['2', false],
      ['3', true],
    ]);
    expect(await readHistoryCapture(area, '1')).toBeUndefined();
    expect(await readHistoryCapture(area, '3')).toBeDefined();
    const kept = entries.filter((e) => e.kept).reduce((sum, e) => sum + e.bytes, 0);
    expect(kept).toBeLessThanOrEqual(Math.round(one * 1.2));
  });

  it('lists but does not store a capture larger than the whole budget', async () => {
    const { area, store } = setup(20, 100);
    await store.record(capture(1));
    const { entries } = await readHistoryIndex(area);
    expect(entries).toMatchObject([{ id: '1', kept: false }]);
    expect(area.data.has(historyKey('1'))).toBe(false);
  });

  it('holds twenty 1,000-role captures within the default budget of 4 MB', async () => {
    const { area, store } = setup(20);
    const captures = Array.from({ length: 20 }, (_, i) =>
      capture(i + 1, { roles: 1000, accounts: 50 }),
    );
    const started = performance.now();
    for (const big of captures) await store.record(big);
    const elapsed = performance.now() - started;
    const { entries } = await readHistoryIndex(area);
    const stored = [...area.data.values()].reduce<number>(
      (sum, value) => sum + JSON.stringify(value).length,
      0,
    );
    // Reported in the slice's measurements: per capture, kept whole, total stored.
    console.info(
      `history: 1,000-role capture ${entries[0]!.bytes} bytes; ${entries.filter((e) => e.kept).length} of 20 kept whole; ${stored} bytes stored; ${elapsed.toFixed(0)} ms for 20 records`,
    );
    expect(entries).toHaveLength(20);
    expect(stored).toBeLessThanOrEqual(4 * 1024 * 1024 + 20_000);
    expect(entries.at(-1)!.kept).toBe(true);
    expect(entries[0]!.kept).toBe(false);
  });
});
