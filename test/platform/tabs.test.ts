import { beforeEach, describe, expect, it, vi } from 'vitest';

// The polyfill throws outside an extension: replace it with the pieces these wrappers use.
const query = vi.fn();
vi.mock('webextension-polyfill', () => ({ default: { tabs: { query } } }));

const { activeTabId, tabFromQuery } = await import('../../src/platform/tabs.ts');

describe('tabFromQuery', () => {
  it('reads a tab id from ?tab=', () => {
    expect(tabFromQuery('?tab=42')).toBe(42);
    expect(tabFromQuery('?x=1&tab=7')).toBe(7);
  });

  it('ignores a missing or malformed id', () => {
    expect(tabFromQuery('')).toBeUndefined();
    expect(tabFromQuery('?tab=')).toBeUndefined();
    expect(tabFromQuery('?tab=-1')).toBeUndefined();
    expect(tabFromQuery('?tab=3abc')).toBeUndefined();
  });
});

describe('activeTabId', () => {
  beforeEach(() => query.mockReset().mockResolvedValue([{ id: 5 }]));

  it('is the active tab of the current window for the toolbar popup', async () => {
    expect(await activeTabId('')).toBe(5);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('is the named tab when the popup page is opened in a tab of its own', async () => {
    expect(await activeTabId('?tab=9')).toBe(9);
    expect(query).not.toHaveBeenCalled();
  });

  it('is undefined when no tab is active', async () => {
    query.mockResolvedValue([]);
    expect(await activeTabId('')).toBeUndefined();
  });
});
