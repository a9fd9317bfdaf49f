import type { Capture, ExpiredCapture } from '../../shared/capture.ts';

/** Replaces an assertion past its NotOnOrAfter with a tombstone that holds nothing secret. */
export function expireIfDue(capture: Capture, now: number): Capture {
  if (capture.kind !== 'decoded' || capture.expiresAt === undefined || now < capture.expiresAt)
    return capture;
  const { saml, aws } = capture.inspection;
  const expired: ExpiredCapture = {
    kind: 'expired',
    tabId: capture.tabId,
    capturedAt: capture.capturedAt,
    endpointUrl: capture.endpointUrl,
    expiredAt: capture.expiresAt,
    ...(capture.idpUrl ? { idpUrl: capture.idpUrl } : {}),
    ...(saml.issuer ? { issuer: saml.issuer } : {}),
    ...(aws.sessionName ? { sessionName: aws.sessionName } : {}),
  };
  return expired;
}
