import type { Capture, CaptureSummary, ExpiredCapture, PopupCapture } from './capture.ts';

/** AWS refuses an assertion at its NotOnOrAfter or later; without one it does not expire here. */
function hasPassed(expiresAt: number | undefined, now: number): expiresAt is number {
  return expiresAt !== undefined && now >= expiresAt;
}

/**
 * Whether AWS would now refuse the capture's assertion. The one test of expiry: the worker's
 * sweep, the sign-in form and the popup all ask this.
 */
export function isCaptureExpired(capture: Capture | PopupCapture, now: number): boolean {
  if (capture.kind === 'expired') return true;
  if (capture.kind === 'failed') return false;
  return hasPassed(capture.expiresAt, now);
}

/**
 * What is kept once the assertion expired (undefined while it has not), built from its summary:
 * the popup shows a summary that has just expired exactly as the tombstone the worker stores.
 */
export function tombstoneIfExpired(
  summary: CaptureSummary,
  now: number,
): ExpiredCapture | undefined {
  const { tabId, capturedAt, endpointUrl, expiresAt, idpUrl, issuer, sessionName, roleArns } =
    summary;
  if (!hasPassed(expiresAt, now)) return undefined;
  return {
    kind: 'expired',
    tabId,
    capturedAt,
    endpointUrl,
    expiredAt: expiresAt,
    ...(idpUrl ? { idpUrl } : {}),
    ...(issuer ? { issuer } : {}),
    ...(sessionName ? { sessionName } : {}),
    ...(roleArns.length > 0 ? { roleArns } : {}),
  };
}
