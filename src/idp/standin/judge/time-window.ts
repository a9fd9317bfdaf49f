import type { SamlMessage } from '../../../core/inspect.ts';
import { refuse, type Refusal } from './refusal.ts';

/**
 * AWS does not publish how much clock skew SAML sign-in allows. Five minutes is the common SP
 * default (Shibboleth, Spring Security, OpenSAML), so an IdP clock a little off is not refused,
 * while a response replayed an hour later is.
 */
export const STAND_IN_CLOCK_SKEW_MS = 5 * 60_000;

// xs:dateTime with a zone (SAML core 1.3.3 asks for UTC); a calendar date that does not exist is
// not a time.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an xs:dateTime, or undefined when it is not one. */
export function readSamlInstant(text: string): number | undefined {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '', zone] = match;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (calendar.getUTCMonth() !== Number(month) - 1 || calendar.getUTCDate() !== Number(day))
    return undefined;
  const millis = `${fraction.slice(1)}000`.slice(0, 3);
  const time = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${zone}`);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * The assertion's validity window at `now`: Conditions NotBefore / NotOnOrAfter and the
 * SubjectConfirmationData NotOnOrAfter, which the IAM guide requires.
 */
export function checkTimeWindow(saml: SamlMessage, now: number): Refusal | undefined {
  if (saml.subjectNotOnOrAfter === undefined)
    return refuse(
      'InvalidIdentityToken',
      'SubjectConfirmationData has no NotOnOrAfter; the IAM guide requires both NotOnOrAfter and Recipient on it',
    );
  const limits: [string, string | undefined, 'start' | 'end'][] = [
    ['Conditions NotBefore', saml.notBefore, 'start'],
    ['Conditions NotOnOrAfter', saml.notOnOrAfter, 'end'],
    ['SubjectConfirmationData NotOnOrAfter', saml.subjectNotOnOrAfter, 'end'],
  ];
  for (const [label, text, edge] of limits) {
    if (text === undefined) continue;
    const time = readSamlInstant(text);
    if (time === undefined)
      return refuse('InvalidIdentityToken', `${label} "${text}" is not an xs:dateTime`);
    if (edge === 'end' && now >= time + STAND_IN_CLOCK_SKEW_MS)
      return refuse(
        'ExpiredTokenException',
        `Response has expired: ${label} ${text} is past (at ${new Date(now).toISOString()}, 5 minutes of skew allowed)`,
      );
    if (edge === 'start' && now < time - STAND_IN_CLOCK_SKEW_MS)
      return refuse(
        'ExpiredTokenException',
        `Response is not yet valid: ${label} ${text} is ahead (at ${new Date(now).toISOString()}, 5 minutes of skew allowed)`,
      );
  }
  return undefined;
}
