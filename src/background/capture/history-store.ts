import type { KeyValueArea } from '../../platform/types.ts';
import { type Capture, slimInspection } from '../../shared/capture.ts';
import {
  HISTORY_INDEX_KEY,
  type HistoryCapture,
  type HistoryEntry,
  historyKey,
  readHistoryIndex,
} from '../../shared/history.ts';

/**
 * Bytes (JSON characters) of stored captures the history may hold. storage.session holds 10 MB in
 * Chrome, shared with each tab's current capture and credentials; a 1,000-role capture takes
 * about 310 KB here, so 4 MB keeps a dozen of those whole and twenty of any usual size.
 */
export const HISTORY_BYTE_BUDGET = 4 * 1024 * 1024;

export interface HistoryStoreOptions {
  /** How many captures to keep (the options page's setting), read at each capture. */
  size(): Promise<number>;
  byteBudget?: number;
}

export interface HistoryStore {
  /** Adds a capture as the newest; undefined when it is not one to list (see `recordNow`). */
  record(capture: Capture): Promise<HistoryEntry | undefined>;
}

/**
 * The captures of the browser session in storage.session, oldest dropped first past the size.
 * Past the byte budget, the oldest entries lose their stored capture but stay listed.
 */
export function historyStore(area: KeyValueArea, options: HistoryStoreOptions): HistoryStore {
  // Captures from different tabs must not interleave their read-modify-write of the index.
  let chain: Promise<unknown> = Promise.resolve();
  return {
    record(capture) {
      const next = chain.then(() => recordNow(area, capture, options));
      chain = next.catch(() => undefined);
      return next;
    },
  };
}

async function recordNow(
  area: KeyValueArea,
  capture: Capture,
  { size, byteBudget = HISTORY_BYTE_BUDGET }: HistoryStoreOptions,
): Promise<HistoryEntry | undefined> {
  // A tombstone is the expiry of a capture already listed; a POST with a roleIndex is a role
  // being chosen (on AWS's page or through the popup) with an assertion already listed.
  if (
    capture.kind === 'expired' ||
    (capture.kind === 'decoded' && capture.inspection.input.roleIndex)
  )
    return undefined;
  const stored = forHistory(capture);
  const index = await readHistoryIndex(area);
  const entry = entryFor(stored, String(index.next));
  const entries = [...index.entries, entry];
  const gone = entries.splice(0, Math.max(0, entries.length - (await size())));
  // Oldest first, drop stored captures until the rest fit; the newest too if it alone does not.
  let total = entries.reduce((sum, e) => sum + (e.kept ? e.bytes : 0), 0);
  for (const e of entries) {
    if (total <= byteBudget) break;
    if (e.kept) {
      total -= e.bytes;
      gone.push((entries[entries.indexOf(e)] = { ...e, kept: false }));
    }
  }
  const kept = entries.at(-1)!.kept;
  // The capture before the index, so a listed entry never points at nothing written yet.
  if (kept) await area.set(historyKey(entry.id), stored);
  await area.set(HISTORY_INDEX_KEY, { next: index.next + 1, entries });
  await area.remove(gone.map((e) => historyKey(e.id)));
  return entries.at(-1);
}

/** Without the SAMLResponse and the XML: nothing history keeps can be posted to AWS. */
function forHistory(capture: Exclude<Capture, { kind: 'expired' }>): HistoryCapture {
  if (capture.kind === 'failed') return capture;
  const inspection = slimInspection(capture.inspection);
  return {
    ...capture,
    inspection: { ...inspection, input: { ...inspection.input, samlResponse: '' } },
  };
}

function entryFor(capture: HistoryCapture, id: string): HistoryEntry {
  const { tabId, capturedAt } = capture;
  const base = { id, tabId, capturedAt, bytes: JSON.stringify(capture).length, kept: true };
  if (capture.kind === 'failed')
    return { ...base, kind: 'failed', roleCount: 0, errorCount: 1, error: capture.error.message };
  const { saml, aws, findings } = capture.inspection;
  // An empty RoleSessionName names no one: NameID stands in, as in the popup's header.
  const sessionName = aws.sessionName || saml.nameId?.value;
  return {
    ...base,
    kind: 'decoded',
    ...(saml.issuer !== undefined ? { issuer: saml.issuer } : {}),
    ...(sessionName ? { sessionName } : {}),
    roleCount: aws.roles.length,
    errorCount: findings.filter((f) => f.severity === 'error').length,
    ...(capture.expiresAt !== undefined ? { expiresAt: capture.expiresAt } : {}),
  };
}
