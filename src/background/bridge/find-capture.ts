import type { DecodedCapture, PopupCapture } from '../../shared/capture.ts';
import { isCaptureExpired } from '../../shared/capture-expiry.ts';
import type { CaptureStore } from '../capture/store.ts';

/** The roles a stored capture held, expired or not (a failed capture held none). */
export function rolesOf(summary: PopupCapture): readonly string[] {
  return summary.kind === 'failed' ? [] : (summary.roleArns ?? []);
}

const newestFirst = (a: PopupCapture, b: PopupCapture): number => b.capturedAt - a.capturedAt;

/** The newest capture of this session whose assertion still holds `roleArn` and has not expired. */
export async function newestLiveCapture(
  roleArn: string,
  captures: CaptureStore,
  now: number,
): Promise<DecodedCapture | undefined> {
  const candidates = (await captures.summaries())
    .filter(
      (s) => s.kind === 'summary' && !isCaptureExpired(s, now) && s.roleArns.includes(roleArn),
    )
    .sort(newestFirst);
  for (const summary of candidates) {
    // Read whole only now: the full capture can be megabytes, the summary is small.
    const capture = await captures.get(summary.tabId);
    if (
      capture?.kind === 'decoded' &&
      !isCaptureExpired(capture, now) &&
      holdsRole(capture, roleArn)
    )
      return capture;
  }
  return undefined;
}

/** The IdP that issued the newest capture (live or expired) holding `roleArn`, to ask again. */
export async function lastIssuerOf(
  roleArn: string,
  captures: CaptureStore,
): Promise<string | undefined> {
  const holding = (await captures.summaries())
    .filter((s) => s.kind !== 'failed' && s.issuer && rolesOf(s).includes(roleArn))
    .sort(newestFirst);
  const newest = holding[0];
  return newest && newest.kind !== 'failed' ? newest.issuer : undefined;
}

export const holdsRole = (capture: DecodedCapture, roleArn: string): boolean =>
  capture.inspection.aws.roles.some((role) => role.roleArn === roleArn);
