import { isIdentityCenter } from '../lint/context.ts';
import { significantParts } from '../aws/role-values.ts';
import type { RoleValue } from '../aws/types.ts';
import { describeRoleValue, roleValues } from '../lint/role-values.ts';
import type { Rule, RuleResult } from '../lint/types.ts';

const EXPECTED = 'AWS expects exactly one role ARN and one saml-provider ARN, separated by a comma';

function shapeProblem(value: RoleValue): string | undefined {
  // Empty parts after two ARNs are role-value-trailing-comma's: AWS accepts them.
  const { count, empty } = significantParts(value);
  const [first, second] = value.parts;
  if (count === 1 && first!.text === '') return 'is empty';
  if (empty > 0) return `has ${count} comma-separated parts, ${empty} of them empty`;
  if (count === 1) {
    const type = first!.arn?.resourceType;
    return type ? `has only a ${type} ARN` : 'has no comma';
  }
  if (count > 2) return `has ${count} comma-separated parts`;
  const types = [first?.arn?.resourceType, second?.arn?.resourceType];
  if (types[0] && types[0] === types[1]) return `has two ${types[0]} ARNs`;
  return undefined;
}

export const roleValueShape: Rule = {
  code: 'role-value-shape',
  severity: 'error',
  summary: 'Each Role value is exactly one role ARN and one saml-provider ARN, comma-separated.',
  check(context) {
    if (isIdentityCenter(context)) return [];
    const { values, hasAny } = roleValues(context.aws);
    // With no usable value at all, role-missing says it once.
    if (!hasAny) return [];
    const results: RuleResult[] = [];
    for (const value of values) {
      const problem = shapeProblem(value);
      if (problem === undefined) continue;
      results.push({
        message: `${describeRoleValue(value, values.length)} ${problem}; ${EXPECTED}.`,
        fix: 'In the IdP, make each Role value "ROLE_ARN,PROVIDER_ARN" with no other commas and no empty entries; send one value per role.',
      });
    }
    return results;
  },
};
