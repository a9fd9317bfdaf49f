import type { KeyValueArea } from '../platform/types.ts';
import { normalizeSettings, type Settings, SETTINGS_KEY } from '../core/settings.ts';

/** Settings in a storage area (storage.local in the extension), read and written whole. */
export interface SettingsStore {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
  update(change: (settings: Settings) => Settings): Promise<Settings>;
}

export function settingsStore(area: KeyValueArea): SettingsStore {
  const load = async (): Promise<Settings> => normalizeSettings(await area.get(SETTINGS_KEY));
  const save = (settings: Settings): Promise<void> => area.set(SETTINGS_KEY, settings);
  return {
    load,
    save,
    async update(change) {
      const next = change(await load());
      await save(next);
      return next;
    },
  };
}
