import { quote } from '../lint/quote.ts';
import { parseSamlTime } from '../saml/time.ts';
import { CLOCK_SKEW_MS, CLOCK_SKEW_TEXT, describeDuration } from '../lint/saml-time.ts';
import { timestamps } from '../lint/timestamps.ts';
import type { Rule, RuleResult } from '../lint/types.ts';

export const assertionExpired: Rule = {
  code: 'assertion-expired',
  severity: 'error',
  summary: `Conditions and SubjectConfirmationData NotOnOrAfter are not in the past (${CLOCK_SKEW_TEXT} of clock skew allowed).`,
  check(context) {
    const now = context.now.getTime();
    const results: RuleResult[] = [];
    for (const { label, value } of timestamps(context.saml, [
      'notOnOrAfter',
      'subjectNotOnOrAfter',
    ])) {
      const time = parseSamlTime(value);
      // Unparseable values are timestamp-invalid's.
      if (time === undefined || now < time + CLOCK_SKEW_MS) continue;
      results.push({
        message: `${label} ${quote(value)} is ${describeDuration(now - time)} in the past (checked at ${context.now.toISOString()}); AWS rejects an expired assertion.`,
        fix: "A captured response expires within minutes: sign in again for a fresh one. If it is fresh, check the IdP's clock (NTP) and its assertion lifetime.",
      });
    }
    return results;
  },
};
