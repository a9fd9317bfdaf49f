import { isIdentityCenter } from '../lint/context.ts';
import { describeRoleValue, roleValues } from '../lint/role-values.ts';
import type { Rule, RuleResult } from '../lint/types.ts';

export const roleProviderMismatch: Rule = {
  code: 'role-provider-mismatch',
  severity: 'error',
  summary: 'The role and saml-provider of each Role value are in the same account and partition.',
  check(context) {
    if (isIdentityCenter(context)) return [];
    const { values } = roleValues(context.aws);
    const results: RuleResult[] = [];
    for (const value of values) {
      if (!value.pair) continue;
      const role = value.parts.find((part) => part.arn?.resourceType === 'role')!.arn!;
      const provider = value.parts.find((part) => part.arn?.resourceType === 'saml-provider')!.arn!;
      const differences: string[] = [];
      if (role.partition !== provider.partition) {
        differences.push(`partition "${role.partition}" vs "${provider.partition}"`);
      }
      if (role.accountId !== provider.accountId) {
        differences.push(`account ${role.accountId} vs ${provider.accountId}`);
      }
      if (differences.length === 0) continue;
      results.push({
        message: `${describeRoleValue(value, values.length)}: the role and the saml-provider differ (${differences.join(', ')}); AWS only signs in with a provider in the role's own account.`,
        fix: "Pair each role with the SAML provider created in the role's own account; for another account, create a provider there and send its ARN.",
      });
    }
    return results;
  },
};
