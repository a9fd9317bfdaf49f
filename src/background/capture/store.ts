import type { KeyValueArea } from '../../platform/types.ts';
import type { Capture } from '../../shared/capture.ts';

const PREFIX = 'capture:';
const keyOf = (tabId: number): string => `${PREFIX}${tabId}`;

/** One capture per tab, in storage.session (never storage.local: assertions are secrets). */
export interface CaptureStore {
  get(tabId: number): Promise<Capture | undefined>;
  put(capture: Capture): Promise<void>;
  drop(tabId: number): Promise<void>;
  all(): Promise<Capture[]>;
}

export function captureStore(area: KeyValueArea): CaptureStore {
  return {
    get: async (tabId) => (await area.get(keyOf(tabId))) as Capture | undefined,
    put: (capture) => area.set(keyOf(capture.tabId), capture),
    drop: (tabId) => area.remove(keyOf(tabId)),
    async all() {
      const items = await area.getAll();
      return Object.entries(items)
        .filter(([key]) => key.startsWith(PREFIX))
        .map(([, value]) => value as Capture);
    },
  };
}
