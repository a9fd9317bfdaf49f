import { isIdentityCenter } from '../lint/context.ts';
import { describeRoleValue, roleValues } from '../lint/role-values.ts';
import type { Rule, RuleResult } from '../lint/types.ts';

export const rolePairDuplicate: Rule = {
  code: 'role-pair-duplicate',
  severity: 'warning',
  summary: 'No role + provider pair is sent twice.',
  check(context) {
    if (isIdentityCenter(context)) return [];
    const { values } = roleValues(context.aws);
    const firstIndexByPair = new Map<string, number>();
    const results: RuleResult[] = [];
    for (const value of values) {
      if (!value.pair) continue;
      const key = `${value.pair.roleArn},${value.pair.providerArn}`;
      const first = firstIndexByPair.get(key);
      if (first === undefined) {
        firstIndexByPair.set(key, value.index);
        continue;
      }
      results.push({
        message: `${describeRoleValue(value, values.length)} repeats Role value ${first + 1}: the same role and saml-provider are sent twice.`,
        fix: 'Send each pair once; duplicates usually come from the same role granted through two groups or mapping rules.',
      });
    }
    return results;
  },
};
