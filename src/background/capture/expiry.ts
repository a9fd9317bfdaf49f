import { type Capture, summarize } from '../../shared/capture.ts';
import { tombstoneIfExpired } from '../../shared/capture-expiry.ts';

/** Replaces an assertion past its NotOnOrAfter with a tombstone that holds nothing secret. */
export function expireIfDue(capture: Capture, now: number): Capture {
  if (capture.kind !== 'decoded') return capture;
  const summary = summarize(capture);
  return (summary.kind === 'summary' && tombstoneIfExpired(summary, now)) || capture;
}
