import { badgeFor } from '../badge.ts';
import { expireIfDue } from '../capture/expiry.ts';
import type { Capture } from '../../shared/capture.ts';
import type { WorkerDeps } from './deps.ts';

/** A tab's capture after expiring it if due (the tombstone is stored in its place). */
export async function currentCapture(
  tabId: number,
  deps: WorkerDeps,
): Promise<Capture | undefined> {
  const stored = await deps.captures.get(tabId);
  if (!stored) return undefined;
  const capture = expireIfDue(stored, deps.now());
  if (capture !== stored) await deps.captures.put(capture);
  return capture;
}

/** Re-applies a tab's badge: Chrome clears per-tab badges when the tab navigates. */
export async function refreshTab(tabId: number, deps: WorkerDeps): Promise<void> {
  const capture = await currentCapture(tabId, deps);
  if (capture) await deps.setBadge(tabId, badgeFor(capture));
}

export async function handleTabRemoved(tabId: number, deps: WorkerDeps): Promise<void> {
  await deps.captures.drop(tabId);
}

/** Expires every due capture; run when the worker starts, since timers die with it. */
export async function sweepExpired(deps: WorkerDeps): Promise<void> {
  const now = deps.now();
  for (const stored of await deps.captures.all()) {
    const capture = expireIfDue(stored, now);
    if (capture === stored) continue;
    await deps.captures.put(capture);
    await deps.setBadge(capture.tabId, badgeFor(capture));
  }
}
