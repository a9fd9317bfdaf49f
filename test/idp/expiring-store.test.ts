import { describe, expect, it } from 'vitest';
import { ExpiringStore } from '../../src/idp/sessions.ts';

describe('ExpiringStore', () => {
  it('forgets entries once they expire', () => {
    let now = 0;
    const store = new ExpiringStore<string>({ ttlMs: 1000, maxEntries: 10, now: () => now });
    const key = store.add('a');
    expect(store.get(key)).toBe('a');
    now = 1000;
    expect(store.get(key)).toBeUndefined();
  });

  it('holds at most maxEntries, evicting the oldest first', () => {
    const store = new ExpiringStore<number>({ ttlMs: 60_000, maxEntries: 3 });
    const keys = [1, 2, 3, 4].map((n) => store.add(n));
    expect(store.size).toBe(3);
    expect(store.get(keys[0])).toBeUndefined();
    expect(keys.slice(1).map((k) => store.get(k))).toEqual([2, 3, 4]);
  });

  it('stays at its cap under a flood, in time linear in the flood', () => {
    const store = new ExpiringStore<string>({ ttlMs: 60_000, maxEntries: 1000 });
    const start = performance.now();
    for (let i = 0; i < 20_000; i++) store.add('x'.repeat(80));
    expect(store.size).toBe(1000);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
