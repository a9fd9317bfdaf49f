// How many captures the history keeps: its own storage key, read by the worker when it records a
// capture and by the options page.
import type { KeyValueArea } from '../platform/types.ts';

export const HISTORY_SETTINGS_KEY = 'historySettings';
export const HISTORY_SIZE = { min: 1, max: 100, default: 20 } as const;

export interface HistorySettings {
  size: number;
}

/** A stored or typed size, kept within bounds; anything that is not a whole number is the default. */
export function normalizeHistorySettings(value: unknown): HistorySettings {
  const size = (value as Partial<HistorySettings> | null)?.size;
  if (typeof size !== 'number' || !Number.isInteger(size)) return { size: HISTORY_SIZE.default };
  return { size: Math.min(HISTORY_SIZE.max, Math.max(HISTORY_SIZE.min, size)) };
}

export function historySettingsStore(area: KeyValueArea) {
  return {
    load: async (): Promise<HistorySettings> =>
      normalizeHistorySettings(await area.get(HISTORY_SETTINGS_KEY)),
    save: (settings: HistorySettings): Promise<void> =>
      area.set(HISTORY_SETTINGS_KEY, normalizeHistorySettings(settings)),
  };
}
