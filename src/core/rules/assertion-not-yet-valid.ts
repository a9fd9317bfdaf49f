import { quote } from '../lint/quote.ts';
import { parseSamlTime } from '../saml/time.ts';
import { CLOCK_SKEW_MS, CLOCK_SKEW_TEXT, describeDuration } from '../lint/saml-time.ts';
import { timestamps } from '../lint/timestamps.ts';
import type { Rule } from '../lint/types.ts';

export const assertionNotYetValid: Rule = {
  code: 'assertion-not-yet-valid',
  severity: 'error',
  summary: `Conditions NotBefore is not in the future (${CLOCK_SKEW_TEXT} of clock skew allowed).`,
  check(context) {
    const now = context.now.getTime();
    return timestamps(context.saml, ['notBefore']).flatMap(({ label, value }) => {
      const time = parseSamlTime(value);
      if (time === undefined || time - CLOCK_SKEW_MS <= now) return [];
      return [
        {
          message: `${label} ${quote(value)} is ${describeDuration(time - now)} in the future (checked at ${context.now.toISOString()}); AWS rejects an assertion that is not valid yet.`,
          fix: `The IdP's clock is probably ahead: sync it with NTP (this check allows ${CLOCK_SKEW_TEXT} of skew).`,
        },
      ];
    });
  },
};
