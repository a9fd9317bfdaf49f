// A worker's stores with captures made by the real core, the stand-in's STS as a fake fetch, and a
// clock the test moves: what the bridge's request handler is tested against.
import type { BridgeDeps, ReSignIn } from '../../../src/background/bridge/deps.ts';
import { captureFromPost } from '../../../src/background/capture/from-post.ts';
import { expireIfDue } from '../../../src/background/capture/expiry.ts';
import { captureStore } from '../../../src/background/capture/store.ts';
import { inspectPostedForm as inspect } from '../../../src/core/index.ts';
import type { DecodedCapture } from '../../../src/shared/capture.ts';
import type { CredentialSettings } from '../../../src/shared/credential-settings.ts';
import { credentialsStore } from '../../../src/shared/credentials-store.ts';
import { fakeSts, type StsCall } from '../../popup/sts-fake.ts';
import type { StandInResponse } from '../../../src/idp/standin/types.ts';
import { FIXTURE_NOW, samlResponseBase64, type FixtureOptions } from '../fixtures.ts';
import { memoryArea } from '../memory-area.ts';

/** A worker without keep fresh: a role whose assertions all expired has no way back. */
export const noReSignIn: ReSignIn = async (issuer) => ({
  ok: false,
  error: {
    code: 'no-capture',
    message: `the assertions from ${issuer} holding this role have expired: sign in at your IdP again in the browser`,
  },
});

export const ISSUER = 'https://idp.example.com/';

export function bridgeWorld(
  options: {
    sts?: (call: StsCall) => StandInResponse | Error | undefined;
    reSignIn?: ReSignIn;
    settings?: CredentialSettings;
  } = {},
) {
  const session = memoryArea();
  let now = FIXTURE_NOW;
  const sts = fakeSts(options.sts);
  const captures = captureStore(session);
  const deps: BridgeDeps = {
    captures,
    credentials: credentialsStore(session, () => now),
    credentialSettings: async () => options.settings ?? {},
    fetch: sts.fetch,
    now: () => now,
    reSignIn: options.reSignIn ?? noReSignIn,
    extensionVersion: '0.1.0',
  };
  /** A capture as the worker makes it from a POST in `tabId`. */
  const decoded = (tabId: number, fixture: FixtureOptions = {}): DecodedCapture => {
    const capture = captureFromPost(
      {
        tabId,
        url: 'https://signin.aws.amazon.com/saml',
        body: { formData: { SAMLResponse: [samlResponseBase64(fixture)] } },
        initiator: 'https://idp.example.com',
      },
      { inspect, now: () => now },
    );
    if (capture?.kind !== 'decoded') throw new Error(`fixture did not decode: ${capture?.kind}`);
    return capture;
  };
  return {
    deps,
    session,
    sts,
    decoded,
    /** Captures a POST in `tabId` and stores it. */
    async capture(tabId: number, fixture: FixtureOptions = {}): Promise<DecodedCapture> {
      const capture = decoded(tabId, fixture);
      await captures.put(capture);
      return capture;
    },
    /** What the worker's sweep does once the assertion expired: the tombstone replaces it. */
    async expire(tabId: number): Promise<void> {
      const stored = await captures.get(tabId);
      if (stored) await captures.put(expireIfDue(stored, now));
    },
    setNow: (value: number) => void (now = value),
  };
}
