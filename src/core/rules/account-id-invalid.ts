import { isIdentityCenter } from './context.ts';
import { quote } from './quote.ts';
import { describeRoleValue, roleValues } from './role-values.ts';
import type { Rule, RuleResult } from './types.ts';

export const accountIdInvalid: Rule = {
  code: 'account-id-invalid',
  severity: 'error',
  summary: 'The account ID in each Role ARN is exactly 12 digits.',
  check(context) {
    if (isIdentityCenter(context)) return [];
    const { values } = roleValues(context.aws);
    const results: RuleResult[] = [];
    for (const value of values) {
      for (const part of value.parts) {
        if (part.badAccountId === undefined) continue;
        results.push({
          message: `${describeRoleValue(value, values.length)}: account ID ${quote(part.badAccountId)} in ${quote(part.text)} is not 12 digits.`,
          fix: 'Use the full 12-digit account ID, keeping leading zeros (an IdP that stores it as a number drops them).',
        });
      }
    }
    return results;
  },
};
