// A capture from one of the user's own tabs: where that IdP starts a sign-in is learned, and a
// "sign in at the IdP" mark is lifted (the user just did).
import type { Capture } from '../../shared/capture.ts';
import type { NeedsUserStore } from './needs-user.ts';
import type { StartUrlStore } from '../../shared/keep-fresh/start-url-store.ts';

export interface UserCaptureDeps {
  startUrls: Pick<StartUrlStore, 'learn'>;
  needsUser: Pick<NeedsUserStore, 'clear'>;
}

export async function noteUserCapture(capture: Capture, deps: UserCaptureDeps): Promise<void> {
  if (capture.kind !== 'decoded') return;
  const issuer = capture.inspection.saml.issuer;
  if (!issuer) return;
  await deps.needsUser.clear(issuer);
  if (capture.idpUrl) await deps.startUrls.learn(issuer, capture.idpUrl);
}
