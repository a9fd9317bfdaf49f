import type { BridgeError } from '../../core/bridge.ts';
import type { FetchLike } from '../../core/credentials.ts';
import type { Clock } from '../../core/inspect.ts';
import type { DecodedCapture } from '../../shared/capture.ts';
import type { CredentialSettings } from '../../shared/credential-settings.ts';
import type { CredentialsStore } from '../../shared/credentials-store.ts';
import type { CaptureStore } from '../capture/store.ts';

/**
 * A fresh assertion from the IdP that issued `issuer`, without the user (keep-fresh's background
 * sign-in, src/background/refresh/). The same signature keep-fresh exports, so it plugs in as is.
 */
export type ReSignIn = (
  issuer: string,
) => Promise<{ ok: true; capture: DecodedCapture } | { ok: false; error: BridgeError }>;

/** What the bridge's request handler touches, handed in so tests use in-memory versions. */
export interface BridgeDeps {
  captures: CaptureStore;
  /** STS credentials in storage.session, shared with the popup. */
  credentials: CredentialsStore;
  /** The options page's STS settings (custom endpoint, default region, profile names). */
  credentialSettings(): Promise<CredentialSettings>;
  fetch: FetchLike;
  now: Clock;
  reSignIn: ReSignIn;
  extensionVersion: string;
}
