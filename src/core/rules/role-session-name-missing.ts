import { AWS_ATTRIBUTES } from '../aws/attributes.ts';
import { isAssertionHidden, isIdentityCenter } from '../lint/context.ts';
import type { Rule } from '../lint/types.ts';

export const roleSessionNameMissing: Rule = {
  code: 'role-session-name-missing',
  severity: 'error',
  summary: 'The RoleSessionName attribute is present and not empty.',
  check(context) {
    if (isIdentityCenter(context) || isAssertionHidden(context)) return [];
    if (context.aws.sessionName) return [];
    return [
      {
        message: `There is no ${AWS_ATTRIBUTES.roleSessionName} attribute with a non-empty value; AWS requires one to name the session.`,
        fix: 'Map RoleSessionName to a per-user value such as the email address or username (2-64 of letters, digits, and +=,.@_-).',
      },
    ];
  },
};
