/**
 * AWS does not publish its clock-skew allowance for SAML; IdPs and SPs commonly allow a few
 * minutes. We allow 5 minutes either way so an IdP clock that is slightly off is not reported as
 * broken, while a response captured and replayed later still is.
 */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** "3 minutes", "2 hours", "5 days": how far apart two instants are, for messages. */
export function describeDuration(ms: number): string {
  const abs = Math.abs(ms);
  const units: [string, number][] = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
    ['second', 1000],
  ];
  for (const [name, size] of units) {
    if (abs >= size) {
      const count = Math.floor(abs / size);
      return `${count} ${name}${count === 1 ? '' : 's'}`;
    }
  }
  return 'less than a second';
}

/** The allowance as messages and the README state it. */
export const CLOCK_SKEW_TEXT = describeDuration(CLOCK_SKEW_MS);
