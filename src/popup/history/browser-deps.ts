import { sessionArea } from '../../platform/index.ts';
import { type HistoryCapture, historyKey, readHistoryIndex } from '../../shared/history.ts';
import type { HistoryDeps } from './history-panel.tsx';

/** The history as the worker stored it in storage.session, read directly (no worker wake-up). */
export function browserHistoryDeps(): HistoryDeps {
  const area = sessionArea();
  return {
    index: () => readHistoryIndex(area),
    capture: async (id) => (await area.get(historyKey(id))) as HistoryCapture | undefined,
  };
}
