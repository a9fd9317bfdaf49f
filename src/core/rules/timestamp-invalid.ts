import { quote } from '../lint/quote.ts';
import { parseSamlTime } from '../saml/time.ts';
import { timestamps } from '../lint/timestamps.ts';
import type { Rule, RuleResult } from '../lint/types.ts';

export const timestampInvalid: Rule = {
  code: 'timestamp-invalid',
  severity: 'error',
  summary:
    'IssueInstant, NotBefore and NotOnOrAfter are valid xs:dateTime values (e.g. 2024-05-01T12:00:00Z).',
  check(context) {
    const fields = ['issueInstant', 'notBefore', 'notOnOrAfter', 'subjectNotOnOrAfter'] as const;
    const results: RuleResult[] = [];
    for (const { label, value } of timestamps(context.saml, fields)) {
      if (parseSamlTime(value) !== undefined) continue;
      results.push({
        message: `${label} ${quote(value)} is not a valid SAML timestamp, so AWS cannot check it.`,
        fix: 'Make the IdP write times as UTC xs:dateTime, e.g. 2024-05-01T12:00:00Z.',
      });
    }
    return results;
  },
};
