import { classifySamlEndpoint, withoutTrailingSlashes } from '../core/inspect.ts';
import type { Capture } from '../shared/capture.ts';
import { isCaptureExpired } from '../shared/capture-expiry.ts';
import type { SigninFormReply } from '../shared/messages.ts';

/**
 * The form that signs in as `roleArn`: the same fields AWS's own role picker posts, sent to the
 * sign-in URL the IdP posted to (regional, GovCloud and China hosts stay as they were).
 */
export function signinFormFor(
  capture: Capture | undefined,
  roleArn: string,
  now: number,
): SigninFormReply {
  if (!capture || capture.kind === 'failed') {
    return {
      ok: false,
      reason: 'missing',
      message: 'No readable SAML assertion was captured in that tab.',
    };
  }
  const idp = capture.idpUrl ? { idpUrl: capture.idpUrl } : {};
  if (capture.kind === 'expired' || isCaptureExpired(capture, now)) {
    const message =
      'The SAML assertion has expired; AWS would refuse it. Sign in at your IdP again.';
    return { ok: false, reason: 'expired', message, ...idp };
  }
  const endpoint = classifySamlEndpoint(capture.endpointUrl);
  if (!endpoint || endpoint.kind !== 'iam') {
    const message =
      'This assertion went to IAM Identity Center, which has no role picker to re-POST to.';
    return { ok: false, reason: 'not-iam', message };
  }
  if (!capture.inspection.aws.roles.some((role) => role.roleArn === roleArn)) {
    return {
      ok: false,
      reason: 'unknown-role',
      message: `The assertion does not offer ${roleArn}.`,
    };
  }
  const { samlResponse, relayState } = capture.inspection.input;
  return {
    ok: true,
    form: {
      // The URL the IdP posted to: a regional host, or a provider's own /saml/acs/ID, stays as it was.
      action: withoutTrailingSlashes(capture.endpointUrl.trim().split(/[?#]/, 1)[0]!),
      fields: {
        SAMLResponse: samlResponse,
        ...(relayState ? { RelayState: relayState } : {}),
        roleIndex: roleArn,
      },
    },
  };
}
