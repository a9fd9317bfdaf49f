import { isIdentityCenter } from '../lint/context.ts';
import { describeRoleValue, roleValues } from '../lint/role-values.ts';
import { someOf } from '../lint/some-of.ts';
import type { Rule, RuleResult } from '../lint/types.ts';

export const roleArnMalformed: Rule = {
  code: 'role-arn-malformed',
  severity: 'error',
  summary: 'Each ARN in a Role value is a well-formed IAM role or saml-provider ARN.',
  check(context) {
    if (isIdentityCenter(context)) return [];
    const { values } = roleValues(context.aws);
    const results: RuleResult[] = [];
    for (const value of values) {
      // Empty parts are role-value-shape's; a bad account ID alone is account-id-invalid's.
      // One finding per value, so a value of many bad parts stays one short message.
      const problems = value.parts.flatMap((part) =>
        part.text === '' || part.problem === undefined ? [] : [part.problem],
      );
      if (problems.length === 0) continue;
      const unread = value.partCount - value.parts.length;
      const rest = unread > 0 ? ` (${unread} further parts not read)` : '';
      results.push({
        message: `${describeRoleValue(value, values.length)}: ${someOf(problems, '; ')}${rest}.`,
        fix: 'Copy the ARNs exactly from the IAM console: arn:PARTITION:iam::ACCOUNT:role/PATH/NAME and arn:PARTITION:iam::ACCOUNT:saml-provider/NAME.',
      });
    }
    return results;
  },
};
