// Keep fresh: fresh assertions without the user (issue 12). The worker wires these; the bridge
// (F2) calls reSignIn through an injected dependency.
/**
 * `reSignIn(issuer, deps)`: a fresh assertion from that IdP without the user, or why not:
 * `{ ok: true, capture } | { ok: false, error: BridgeError }` (core/bridge.ts). One inactive
 * background tab per call, its POST to AWS stopped before it leaves the browser; `no-capture` when
 * no start URL is known for the issuer; `idp-needs-user` with `signInUrl` when the IdP showed a
 * login page (that tab is left for the user, and no tab opens for that IdP again until a capture
 * from the user's own tab). The worker binds the deps once: `keepFreshWorker(...).reSignIn`
 * (keep-fresh-worker.ts) is `(issuer) => Promise<ReSignInResult>`, for the bridge to be handed.
 */
export {
  reSignIn,
  DEFAULT_SIGN_IN_TIMEOUT_MS,
  type ReSignInDeps,
  type ReSignInResult,
  type SignInTab,
  type SignInTabEvent,
} from './re-sign-in.ts';
export { refreshDue, type RefreshDeps, type RefreshPass } from './refresh-due.ts';
export {
  startUrlStore,
  type StartUrlStore,
  type StartUrls,
} from '../../shared/keep-fresh/start-url-store.ts';
export { checkStartUrl, originPattern } from '../../shared/keep-fresh/start-url.ts';
export { needsUserStore, type NeedsUser, type NeedsUserStore } from './needs-user.ts';
export {
  keepFreshStore,
  withRoleKeptFresh,
  type KeepFresh,
  type KeepFreshStore,
} from '../../shared/keep-fresh/keep-fresh-settings.ts';
export { refreshStatusStore, type RefreshStatus } from '../../shared/keep-fresh/refresh-status.ts';
export { tabBlockRule } from './block-rule.ts';
export { keepFreshWorker, KEEP_FRESH_ALARM } from './keep-fresh-worker.ts';
