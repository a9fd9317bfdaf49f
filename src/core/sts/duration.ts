import { AWS_LIMITS } from '../aws/attributes.ts';
import type { AwsView } from '../aws/types.ts';
import { StsParameterError } from './errors.ts';

const { minSessionDuration: MIN, maxSessionDuration: MAX } = AWS_LIMITS;

/** AWS's MaxSessionDuration for a role nobody changed; the safe retry when the real one is unknown. */
export const DEFAULT_MAX_SESSION_DURATION = 3600;

/** Checks a DurationSeconds value (a number, or text as typed) and returns it as a number. */
export function parseDurationSeconds(value: number | string): number {
  const text = String(value).trim();
  const seconds = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(seconds) || seconds < MIN || seconds > MAX)
    throw new StsParameterError(
      'duration-invalid',
      `DurationSeconds ${JSON.stringify(String(value))} must be a whole number of seconds from ${MIN} to ${MAX}`,
    );
  return seconds;
}

/**
 * The DurationSeconds to ask for when the user chose none: the assertion's SessionDuration when it
 * is usable, else undefined so STS applies its own default (3600).
 */
export function defaultDurationSeconds(aws: Pick<AwsView, 'sessionDuration'>): number | undefined {
  const seconds = aws.sessionDuration;
  return seconds !== undefined && seconds >= MIN && seconds <= MAX ? seconds : undefined;
}

/**
 * The DurationSeconds to ask for: the typed value, checked; with none typed, the assertion's
 * SessionDuration when usable; else undefined, so STS applies its own default (3600).
 */
export function chooseDurationSeconds(
  typed: string | undefined,
  sessionDuration: number | undefined,
): number | undefined {
  if (typed !== undefined) return parseDurationSeconds(typed);
  return sessionDuration === undefined ? undefined : defaultDurationSeconds({ sessionDuration });
}
