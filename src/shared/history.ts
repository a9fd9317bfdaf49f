// The captures of this browser session, newest last, in storage.session: the worker writes them
// (background/capture/history-store.ts), the popup's history view reads them straight from storage.
import type { KeyValueArea } from '../platform/types.ts';
import type { DecodedCapture, FailedCapture } from './capture.ts';

/** One line of the history list: what the list shows, a few hundred bytes whatever the roles. */
export interface HistoryEntry {
  id: string;
  tabId: number;
  capturedAt: number;
  kind: 'decoded' | 'failed';
  issuer?: string;
  sessionName?: string;
  roleCount: number;
  errorCount: number;
  expiresAt?: number;
  /** The core's message for a POST it could not decode. */
  error?: string;
  /** Size of the stored capture (its JSON length), counted against the byte budget. */
  bytes: number;
  /** False once the capture itself was dropped to keep the history within its byte budget. */
  kept: boolean;
}

/**
 * A capture as history keeps it: the inspection without the SAMLResponse, the XML or the
 * per-value role parse. Nothing in it can be posted to AWS, so it need not expire.
 */
export type HistoryCapture = DecodedCapture | FailedCapture;

export interface HistoryIndex {
  /** The next id to hand out; ids are never reused within a browser session. */
  next: number;
  /** Oldest first. */
  entries: HistoryEntry[];
}

export const HISTORY_INDEX_KEY = 'history';
export const historyKey = (id: string): string => `history:${id}`;

export async function readHistoryIndex(area: KeyValueArea): Promise<HistoryIndex> {
  return (
    ((await area.get(HISTORY_INDEX_KEY)) as HistoryIndex | undefined) ?? { next: 1, entries: [] }
  );
}
