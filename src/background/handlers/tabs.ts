import { badgeFor } from '../badge.ts';
import { expireIfDue } from '../capture/expiry.ts';
import type { Capture, PopupCapture } from '../../shared/capture.ts';
import { isCaptureExpired } from '../../shared/capture-expiry.ts';
import type { WorkerDeps } from './deps.ts';

/** A summary whose assertion has expired but is still stored whole. */
const isDue = (capture: PopupCapture, now: number): boolean =>
  capture.kind === 'summary' && isCaptureExpired(capture, now);

/** Replaces a tab's assertion with its tombstone once it expired; returns what is stored now. */
async function expireTab(tabId: number, deps: WorkerDeps): Promise<Capture | undefined> {
  const stored = await deps.captures.get(tabId);
  if (!stored) return undefined;
  const capture = expireIfDue(stored, deps.now());
  if (capture !== stored) await deps.captures.put(capture);
  return capture;
}

/** A tab's full capture (for signing in and the details view), expired if due. */
export const currentCapture = expireTab;

/** What the popup opens with: the small summary, expired if due. */
export async function currentSummary(
  tabId: number,
  deps: WorkerDeps,
): Promise<PopupCapture | undefined> {
  const summary = await deps.captures.summary(tabId);
  if (!summary || !isDue(summary, deps.now())) return summary;
  await expireTab(tabId, deps);
  return deps.captures.summary(tabId);
}

/** Re-applies a tab's badge: Chrome clears per-tab badges when the tab navigates. */
export async function refreshTab(tabId: number, deps: WorkerDeps): Promise<void> {
  const summary = await currentSummary(tabId, deps);
  if (summary) await deps.setBadge(tabId, badgeFor(summary));
}

/** A closed tab takes its assertion and any credentials made from it with it. */
export async function handleTabRemoved(tabId: number, deps: WorkerDeps): Promise<void> {
  await deps.captures.drop(tabId);
  await deps.credentials.sweep(tabId);
}

/** Expires every due capture; run when the worker starts, since timers die with it. */
export async function sweepExpired(deps: WorkerDeps): Promise<void> {
  await deps.credentials.sweep();
  const now = deps.now();
  for (const summary of await deps.captures.summaries()) {
    if (!isDue(summary, now)) continue;
    await expireTab(summary.tabId, deps);
    await deps.setBadge(summary.tabId, undefined);
  }
}
