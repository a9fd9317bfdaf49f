import { idpUrlFrom } from '../capture/from-post.ts';
import { noteUserCapture } from '../refresh/user-capture.ts';
import type { WorkerDeps } from './deps.ts';

/** Records where the assertion came from when the POST itself did not say (Chrome's case). */
export async function handleReferer(
  tabId: number,
  referer: string,
  deps: WorkerDeps,
): Promise<void> {
  const idpUrl = idpUrlFrom(referer);
  // Undefined for AWS's own role picker, which re-POSTs with itself as Referer.
  if (!idpUrl) return;
  const capture = await deps.captures.get(tabId);
  if (!capture || capture.idpUrl) return;
  await deps.captures.put({ ...capture, idpUrl });
  if (deps.refresh) await noteUserCapture({ ...capture, idpUrl }, deps.refresh);
}
