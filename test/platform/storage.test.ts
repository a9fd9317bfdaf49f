import { describe, expect, it, vi } from 'vitest';

function fakeArea() {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: vi.fn(async (key: string | null) =>
      key === null ? { ...data } : key in data ? { [key]: data[key] } : {},
    ),
    set: vi.fn(async (items: Record<string, unknown>) => void Object.assign(data, items)),
    remove: vi.fn(async (key: string | string[]) => {
      for (const k of Array.isArray(key) ? key : [key]) delete data[k];
    }),
  };
}
const session = fakeArea();
const local = fakeArea();
vi.mock('webextension-polyfill', () => ({ default: { storage: { session, local } } }));

const { sessionArea, localArea } = await import('../../src/platform/storage.ts');

describe('storage areas', () => {
  it('wraps storage.session and storage.local as key-value areas', async () => {
    const area = sessionArea();
    await area.set('some-key', { kind: 'decoded' });
    expect(await area.get('some-key')).toEqual({ kind: 'decoded' });
    expect(await area.get('missing')).toBeUndefined();
    expect(await area.getAll()).toEqual({ 'some-key': { kind: 'decoded' } });
    await area.remove('some-key');
    expect(session.data).toEqual({});
    await localArea().set('settings', { a: 1 });
    expect(local.data).toEqual({ settings: { a: 1 } });
  });
});
