// Whether a capture has expired, and what is shown of it then, is decided once: the worker's
// tombstone, the sign-in form, the popup's summary and the sweep must never disagree.
import { describe, expect, it } from 'vitest';
import { expireIfDue } from '../../src/background/capture/expiry.ts';
import { captureFromPost } from '../../src/background/capture/from-post.ts';
import { signinFormFor } from '../../src/background/signin-form.ts';
import { inspectPostedForm as inspect } from '../../src/core/index.ts';
import { type Capture, summarize } from '../../src/shared/capture.ts';
import { isCaptureExpired } from '../../src/shared/capture-expiry.ts';
import { FIXTURE_EXPIRY, FIXTURE_NOW, roleArn, samlResponseBase64 } from './fixtures.ts';

function capture(sessionName: string): Capture {
  const captured = captureFromPost(
    {
      tabId: 1,
      url: 'https://signin.aws.amazon.com/saml',
      body: { formData: { SAMLResponse: [samlResponseBase64({ sessionName })] } },
    },
    { inspect, now: () => FIXTURE_NOW },
  );
  if (captured?.kind !== 'decoded') throw new Error('the fixture did not decode');
  return captured;
}

describe('capture expiry', () => {
  it.each(['', 'alice@example.com'])(
    'names the session alike before and after expiry (RoleSessionName %j)',
    (sessionName) => {
      const decoded = capture(sessionName);
      const before = summarize(decoded);
      const after = summarize(expireIfDue(decoded, FIXTURE_EXPIRY));
      expect(after.kind).toBe('expired');
      expect(after.kind === 'expired' && after.sessionName).toBe(
        before.kind === 'summary' && before.sessionName,
      );
    },
  );

  it('keeps the role ARNs in the tombstone (no secret), so the bridge knows which IdP to ask again', () => {
    const tombstone = expireIfDue(capture('alice@example.com'), FIXTURE_EXPIRY);
    expect(tombstone.kind === 'expired' && tombstone.roleArns).toEqual([
      roleArn(0, 0),
      roleArn(0, 1),
      roleArn(0, 2),
    ]);
    expect(JSON.stringify(tombstone)).not.toContain('SAMLResponse');
    expect(tombstone).not.toHaveProperty('inspection');
  });

  it('shows no session name for an empty RoleSessionName, so the popup falls back to NameID', () => {
    const summary = summarize(capture(''));
    expect(summary.kind === 'summary' && summary.sessionName).toBeUndefined();
  });

  it('agrees at the instant of expiry, wherever it is decided', () => {
    const decoded = capture('alice@example.com');
    for (const now of [FIXTURE_EXPIRY - 1, FIXTURE_EXPIRY, FIXTURE_EXPIRY + 1]) {
      const expired = now >= FIXTURE_EXPIRY;
      expect(expireIfDue(decoded, now).kind === 'expired', `tombstone at ${now}`).toBe(expired);
      expect(isCaptureExpired(summarize(decoded), now), `summary at ${now}`).toBe(expired);
      const form = signinFormFor(decoded, roleArn(0, 0), now);
      expect(!form.ok && form.reason === 'expired', `sign-in form at ${now}`).toBe(expired);
    }
  });
});
