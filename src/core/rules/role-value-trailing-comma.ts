import { isIdentityCenter } from '../lint/context.ts';
import { describeRoleValue, roleValues } from '../lint/role-values.ts';
import type { Rule, RuleResult } from '../lint/types.ts';

export const roleValueTrailingComma: Rule = {
  code: 'role-value-trailing-comma',
  severity: 'warning',
  summary:
    'No Role value ends with a comma (AWS ignores a trailing empty part; stricter tools drop the role).',
  check(context) {
    if (isIdentityCenter(context)) return [];
    const { values } = roleValues(context.aws);
    const results: RuleResult[] = [];
    for (const value of values) {
      const trailing = value.trailingEmptyParts;
      if (trailing === 0) continue;
      const commas = trailing === 1 ? 'a comma' : `${trailing} commas`;
      results.push({
        message: `${describeRoleValue(value, values.length)} ends with ${commas} after its two ARNs. AWS ignores the empty part and signs in, but tools that split the value strictly (CLI helpers, browser extensions) may drop this role.`,
        fix: 'Remove the trailing comma in the IdP so the value is exactly "ROLE_ARN,PROVIDER_ARN" (in Google Workspace, edit the custom attribute in the user\'s profile).',
      });
    }
    return results;
  },
};
