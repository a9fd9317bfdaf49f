import type { SamlMessage } from './model.ts';

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

/** Parses an xs:dateTime strictly (real calendar dates only); undefined when it is not one. */
export function parseSamlInstant(value: string | undefined): Date | undefined {
  const ms = value === undefined ? undefined : parseSamlTime(value);
  return ms === undefined ? undefined : new Date(ms);
}

/** When AWS stops accepting the assertion: the earliest of the two NotOnOrAfter limits. */
export function expiresAt(saml: SamlMessage): Date | undefined {
  const limits = [saml.notOnOrAfter, saml.subjectNotOnOrAfter]
    .map(parseSamlInstant)
    .filter((date): date is Date => date !== undefined);
  if (limits.length === 0) return undefined;
  return new Date(Math.min(...limits.map((date) => date.getTime())));
}
