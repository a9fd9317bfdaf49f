import { isIdentityCenter } from '../lint/context.ts';
import { quote } from '../lint/quote.ts';
import { describeRoleValue, roleValues } from '../lint/role-values.ts';
import { someOf } from '../lint/some-of.ts';
import type { Rule, RuleResult } from '../lint/types.ts';

export const accountIdInvalid: Rule = {
  code: 'account-id-invalid',
  severity: 'error',
  summary: 'The account ID in each Role ARN is exactly 12 digits.',
  check(context) {
    if (isIdentityCenter(context)) return [];
    const { values } = roleValues(context.aws);
    const results: RuleResult[] = [];
    for (const value of values) {
      // One finding per value: the role and provider usually share the account, so one IdP
      // setting is wrong, and a finding per ARN would count it twice.
      const bad = value.parts.flatMap((part) =>
        part.badAccountId === undefined
          ? []
          : [`account ID ${quote(part.badAccountId)} in ${quote(part.text)}`],
      );
      if (bad.length === 0) continue;
      results.push({
        message: `${describeRoleValue(value, values.length)}: ${someOf(bad, ' and ')} ${bad.length === 1 ? 'is' : 'are'} not 12 digits.`,
        fix: 'Use the full 12-digit account ID, keeping leading zeros (an IdP that stores it as a number drops them).',
      });
    }
    return results;
  },
};
