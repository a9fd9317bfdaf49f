// One background sign-in: open the IdP's start URL in an inactive tab whose POSTs to AWS are
// stopped, take the assertion from the stopped POST, close the tab.
import type { BridgeError } from '../../core/bridge.ts';
import type { SignInTabEvent } from '../../platform/types.ts';
import type { DecodedCapture } from '../../shared/capture.ts';
import { captureFromPost, type CaptureDeps } from '../capture/from-post.ts';
import { judgeLandedPage } from './landed-page.ts';
import type { NeedsUserStore } from './needs-user.ts';
import type { StartUrlStore } from '../../shared/keep-fresh/start-url-store.ts';

export type { SignInTabEvent };

export interface SignInTab {
  tabId: number;
  /** Closes the tab and lifts its block. */
  close(): Promise<void>;
  /** Lifts the block and leaves the tab, inactive, for the user to sign in. */
  leave(): Promise<void>;
}

export interface ReSignInDeps extends CaptureDeps {
  startUrls: Pick<StartUrlStore, 'startUrlFor'>;
  needsUser: NeedsUserStore;
  /**
   * Opens `url` in a new inactive tab, with POSTs to AWS sign-in blocked for that tab only before
   * it navigates, and reports what happens in it.
   */
  openSignInTab(url: string, onEvent: (event: SignInTabEvent) => void): Promise<SignInTab>;
  /** Resolves after `ms` (the attempt's timeout); tests hand in their own. */
  wait(ms: number): Promise<void>;
  /** How long an IdP may take to post before the user is needed. */
  timeoutMs: number;
}

export type ReSignInResult =
  { ok: true; capture: DecodedCapture } | { ok: false; error: BridgeError };

/** Long enough for a slow IdP's redirects; short enough for an MV3 worker's 30 s idle limit. */
export const DEFAULT_SIGN_IN_TIMEOUT_MS = 20_000;

/**
 * Gets a fresh assertion from `issuer` without the user: at most one background tab per call,
 * none at all while the IdP is marked as needing the user (never a loop). The POST to AWS is
 * stopped in the tab; nothing reaches AWS or the user's console.
 */
export async function reSignIn(issuer: string, deps: ReSignInDeps): Promise<ReSignInResult> {
  const marked = await deps.needsUser.get(issuer);
  if (marked) return needsUserError(issuer, marked.signInUrl);
  const startUrl = await deps.startUrls.startUrlFor(issuer);
  if (!startUrl)
    return {
      ok: false,
      error: {
        code: 'no-capture',
        message: `No start URL is known for ${issuer}: sign in there once, or set its AWS application link in the options.`,
      },
    };
  let settle!: (event: SignInTabEvent | { kind: 'timeout' }) => void;
  const outcome = new Promise<SignInTabEvent | { kind: 'timeout' }>((done) => (settle = done));
  const tab = await deps.openSignInTab(startUrl, (event) => {
    if (event.kind === 'post') settle(event);
    else if (event.page && judgeLandedPage(event.page) === 'needs-user') settle(event);
  });
  void deps.wait(deps.timeoutMs).then(() => settle({ kind: 'timeout' }));
  const event = await outcome;
  if (event.kind !== 'post') {
    await tab.leave();
    await deps.needsUser.mark(issuer, { signInUrl: startUrl, tabId: tab.tabId, since: deps.now() });
    return needsUserError(issuer, startUrl);
  }
  await tab.close();
  const capture = captureFromPost(event.post, deps);
  if (capture?.kind !== 'decoded')
    return {
      ok: false,
      error: {
        code: 'no-capture',
        message: `${issuer} posted an assertion that could not be read: ${capture?.kind === 'failed' ? capture.error.message : 'not an AWS sign-in POST'}`,
      },
    };
  const fresh = capture.inspection.saml.issuer;
  if (fresh !== issuer)
    return {
      ok: false,
      error: {
        code: 'no-capture',
        message: `The start URL for ${issuer} signed in at another IdP (${fresh ?? 'no issuer'}); check the link in the options.`,
      },
    };
  return { ok: true, capture };
}

function needsUserError(issuer: string, signInUrl: string): ReSignInResult {
  return {
    ok: false,
    error: {
      code: 'idp-needs-user',
      message: `${issuer} wants you to sign in again: sign in at ${signInUrl}`,
      signInUrl,
    },
  };
}
