/**
 * AWS does not publish its clock-skew allowance for SAML; IdPs and SPs commonly allow a few
 * minutes. We allow 5 minutes either way so an IdP clock that is slightly off is not reported as
 * broken, while a response captured and replayed later still is.
 */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

// xs:dateTime as SAML uses it (SAML core 1.3.3: UTC, "Z"); an explicit offset is accepted too.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-](?:\d{2}):(?:\d{2}))$/;

/** Milliseconds since the epoch, or undefined when `text` is not a real xs:dateTime. */
export function parseSamlTime(text: string): number | undefined {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '', zone] = match;
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  const time = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${zone}`);
  if (Number.isNaN(time)) return undefined;
  // Date.parse rolls impossible dates (Feb 30) over; reject them instead.
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (calendar.getUTCMonth() !== Number(month) - 1 || calendar.getUTCDate() !== Number(day)) {
    return undefined;
  }
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  return time;
}

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
