import { AWS_LIMITS } from '../aws/attributes.ts';
import { quote } from '../lint/quote.ts';
import type { Rule } from '../lint/types.ts';

const { minSessionDuration, maxSessionDuration } = AWS_LIMITS;

export const sessionDurationInvalid: Rule = {
  code: 'session-duration-invalid',
  severity: 'error',
  summary: `SessionDuration, when sent, is a whole number of seconds from ${minSessionDuration} to ${maxSessionDuration}.`,
  check(context) {
    const raw = context.aws.sessionDurationRaw;
    if (raw === undefined) return [];
    const text = raw.trim();
    let problem: string | undefined;
    if (!/^\d+$/.test(text)) problem = 'is not a whole number of seconds';
    else if (Number(text) < minSessionDuration)
      problem = `is below the minimum of ${minSessionDuration} seconds (15 minutes)`;
    else if (Number(text) > maxSessionDuration)
      problem = `is above the maximum of ${maxSessionDuration} seconds (12 hours)`;
    if (problem === undefined) return [];
    return [
      {
        message: `SessionDuration ${quote(raw)} ${problem}.`,
        fix: `Send seconds as a plain integer from ${minSessionDuration} to ${maxSessionDuration}, and no more than the role's maximum session duration; or omit the attribute to get 1 hour.`,
      },
    ];
  },
};
