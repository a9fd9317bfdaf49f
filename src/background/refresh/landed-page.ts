// Deciding whether a background sign-in tab is waiting for a person: the IdP answered with its
// login page instead of an auto-posting form.

import type { LandedPage } from '../../platform/types.ts';

export type { LandedPage };

export type LandedVerdict = 'needs-user' | 'keep-waiting';

/**
 * A page with a password field and no SAMLResponse form is a login page; a page with a
 * SAMLResponse form is about to post (keep waiting). Anything else (a redirect hop, a chooser)
 * waits for the attempt's timeout, which then also says the user is needed.
 */
export function judgeLandedPage(page: LandedPage): LandedVerdict {
  if (page.samlForms > 0) return 'keep-waiting';
  return page.passwordFields > 0 ? 'needs-user' : 'keep-waiting';
}
