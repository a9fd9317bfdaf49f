import type { HistoryEntry } from '../../../shared/history.ts';
import { formatClock } from '../../model/time.ts';

/** What the history list says about one capture, each part as a person reads it. */
export interface EntryLabel {
  time: string;
  tab: string;
  who: string;
  issuer: string;
  roles: string;
  /** Why the capture cannot be used as it was (failed, expired, errors, not kept), if so. */
  status?: string;
  /** Whether its details can be opened and compared. */
  openable: boolean;
}

const plural = (count: number, one: string): string => `${count} ${one}${count === 1 ? '' : 's'}`;

export function entryLabel(entry: HistoryEntry, now: number, currentTabId?: number): EntryLabel {
  const status: string[] = [];
  if (entry.kind === 'failed') status.push(`could not be read: ${entry.error ?? 'unknown error'}`);
  else {
    if (entry.expiresAt !== undefined && entry.expiresAt <= now) status.push('expired');
    if (entry.errorCount) status.push(plural(entry.errorCount, 'error'));
  }
  // The list's own wording for the byte budget (HISTORY_BYTE_BUDGET), kept in the worker's chunk.
  if (!entry.kept && entry.kind === 'decoded') status.push('details dropped: history over 4 MB');
  return {
    time: formatClock(entry.capturedAt),
    tab: entry.tabId === currentTabId ? 'this tab' : `tab ${entry.tabId}`,
    who: entry.sessionName ?? '(no session name)',
    issuer: entry.issuer ?? '(no issuer)',
    roles: entry.kind === 'failed' ? 'no roles' : plural(entry.roleCount, 'role'),
    ...(status.length ? { status: status.join('; ') } : {}),
    openable: entry.kind === 'decoded' && entry.kept,
  };
}

/** The two chosen captures, older first, so the diff reads as "what changed since". */
export function inCaptureOrder(entries: readonly HistoryEntry[], ids: readonly string[]) {
  return entries
    .filter((entry) => ids.includes(entry.id))
    .sort((a, b) => a.capturedAt - b.capturedAt || Number(a.id) - Number(b.id));
}
