import { AWS_ATTRIBUTES } from '../aws/attributes.ts';
import { isAssertionHidden, isIdentityCenter } from '../lint/context.ts';
import { roleValues } from '../lint/role-values.ts';
import type { Rule } from '../lint/types.ts';

export const roleMissing: Rule = {
  code: 'role-missing',
  severity: 'error',
  summary: 'The Role attribute is present and has at least one non-empty value.',
  check(context) {
    if (isIdentityCenter(context) || isAssertionHidden(context)) return [];
    if (roleValues(context.aws).hasAny) return [];
    const what = context.aws.roleAttributePresent
      ? `The ${AWS_ATTRIBUTES.role} attribute has no non-empty value`
      : `There is no ${AWS_ATTRIBUTES.role} attribute`;
    return [
      {
        message: `${what}, so AWS has no role to sign in to.`,
        fix: `Map a Role attribute with one value per role: "arn:aws:iam::ACCOUNT:role/NAME,arn:aws:iam::ACCOUNT:saml-provider/PROVIDER" (the attribute name is case-sensitive).`,
      },
    ];
  },
};
