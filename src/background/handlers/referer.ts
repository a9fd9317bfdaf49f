import { classifySigninHost } from '../../core/inspect.ts';
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
  // AWS's own role picker re-POSTs with itself as Referer: that is not where to sign in again.
  if (!idpUrl || classifySigninHost(new URL(idpUrl).hostname)) return;
  const capture = await deps.captures.get(tabId);
  if (!capture || capture.idpUrl) return;
  await deps.captures.put({ ...capture, idpUrl });
  if (deps.refresh) await noteUserCapture({ ...capture, idpUrl }, deps.refresh);
}
