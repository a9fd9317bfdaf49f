import type { KeyValueArea } from '../../platform/types.ts';
import {
  type Capture,
  captureKeys as keys,
  type PopupCapture,
  slimInspection,
  summarize,
} from '../../shared/capture.ts';

const INDEX = 'capture-tabs';

/**
 * One capture per tab, in storage.session (never storage.local: assertions are secrets), with a
 * small summary beside it for the popup to open quickly, and an index of the tabs that have one.
 */
export interface CaptureStore {
  get(tabId: number): Promise<Capture | undefined>;
  summary(tabId: number): Promise<PopupCapture | undefined>;
  put(capture: Capture): Promise<void>;
  drop(tabId: number): Promise<void>;
  /** Every tab's summary (not the full captures, which can be megabytes). */
  summaries(): Promise<PopupCapture[]>;
}

export function captureStore(area: KeyValueArea): CaptureStore {
  // Index updates from different tabs' events must not interleave their read-modify-write.
  let indexChain: Promise<unknown> = Promise.resolve();
  const updateIndex = (change: (tabs: number[]) => number[]): Promise<void> => {
    const next = indexChain.then(async () => {
      const tabs = ((await area.get(INDEX)) as number[] | undefined) ?? [];
      await area.set(INDEX, change(tabs));
    });
    indexChain = next.catch(() => undefined);
    return next;
  };
  return {
    get: async (tabId) => (await area.get(keys(tabId).full)) as Capture | undefined,
    summary: async (tabId) => (await area.get(keys(tabId).summary)) as PopupCapture | undefined,
    async put(capture) {
      const stored =
        capture.kind === 'decoded'
          ? { ...capture, inspection: slimInspection(capture.inspection) }
          : capture;
      const { full, summary } = keys(capture.tabId);
      await area.set(full, stored);
      await area.set(summary, summarize(stored));
      await updateIndex((tabs) => (tabs.includes(capture.tabId) ? tabs : [...tabs, capture.tabId]));
    },
    async drop(tabId) {
      await area.remove(Object.values(keys(tabId)));
      await updateIndex((tabs) => tabs.filter((t) => t !== tabId));
    },
    async summaries() {
      const tabs = ((await area.get(INDEX)) as number[] | undefined) ?? [];
      const found = await Promise.all(tabs.map((tabId) => area.get(keys(tabId).summary)));
      return found.filter((s) => s !== undefined) as PopupCapture[];
    },
  };
}
