import { isIdentityCenter } from './context.ts';
import { describeRoleValue, roleValues } from './role-values.ts';
import type { Rule, RuleResult } from './types.ts';

export const roleArnMalformed: Rule = {
  code: 'role-arn-malformed',
  severity: 'error',
  summary: 'Each ARN in a Role value is a well-formed IAM role or saml-provider ARN.',
  check(context) {
    if (isIdentityCenter(context)) return [];
    const { values } = roleValues(context.aws);
    const results: RuleResult[] = [];
    for (const value of values) {
      for (const part of value.parts) {
        // Empty parts are role-value-shape's; a bad account ID alone is account-id-invalid's.
        if (part.text === '' || part.problem === undefined) continue;
        results.push({
          message: `${describeRoleValue(value, values.length)}: ${part.problem}.`,
          fix: 'Copy the ARNs exactly from the IAM console: arn:PARTITION:iam::ACCOUNT:role/PATH/NAME and arn:PARTITION:iam::ACCOUNT:saml-provider/NAME.',
        });
      }
    }
    return results;
  },
};
