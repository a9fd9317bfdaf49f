import type { SamlPost } from '../../platform/types.ts';
import { withRecent } from '../../core/settings.ts';
import { badgeFor } from '../badge.ts';
import { captureFromPost } from '../capture/from-post.ts';
import { noteUserCapture } from '../refresh/user-capture.ts';
import type { WorkerDeps } from './deps.ts';

/**
 * Stores what a tab posted to AWS (as the tab's capture and in the history) and updates its badge. A POST carrying `roleIndex` is a role
 * being chosen (here or on AWS's page): it becomes a recent role.
 */
export async function handleSamlPost(post: SamlPost, deps: WorkerDeps): Promise<void> {
  const capture = captureFromPost(post, { inspect: deps.inspect, now: deps.now });
  if (!capture) return;
  if (!capture.idpUrl) {
    // The re-POST comes from an extension page: keep where the assertion originally came from.
    const previous = await deps.captures.get(post.tabId);
    if (previous?.idpUrl) capture.idpUrl = previous.idpUrl;
  }
  await deps.captures.put(capture);
  await deps.history.record(capture);
  if (deps.refresh) await noteUserCapture(capture, deps.refresh);
  await deps.setBadge(post.tabId, badgeFor(capture));
  const roleIndex = capture.kind === 'decoded' ? capture.inspection.input.roleIndex : undefined;
  if (roleIndex) await deps.settings.update((settings) => withRecent(settings, roleIndex));
}
