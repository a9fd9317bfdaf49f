import type { Storage } from 'webextension-polyfill';
import { browser } from './browser.ts';
import type { KeyValueArea } from './types.ts';

function wrap(area: Storage.StorageArea): KeyValueArea {
  return {
    async get(key) {
      const items = await area.get(key);
      return items[key];
    },
    getAll: () => area.get(null),
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
  };
}

/** In-memory storage that survives the worker being stopped; cleared when the browser quits. */
export const sessionArea = (): KeyValueArea => wrap(browser.storage.session);

/** Persistent storage for settings (never assertions). */
export const localArea = (): KeyValueArea => wrap(browser.storage.local);

/** Calls `listener` with the new value whenever `key` changes in storage.local or .session. */
export function onStorageChanged(
  areaName: 'local' | 'session',
  key: string,
  listener: (value: unknown) => void,
): void {
  browser.storage.onChanged.addListener((changes, changedArea) => {
    const change = changes[key];
    if (changedArea === areaName && change) listener(change.newValue);
  });
}
