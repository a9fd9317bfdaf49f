import { isIdentityCenter } from '../lint/context.ts';
import { quote } from '../lint/quote.ts';
import type { Rule } from '../lint/types.ts';

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

export const roleSessionNameInvalid: Rule = {
  code: 'role-session-name-invalid',
  severity: 'error',
  summary: 'RoleSessionName is 2-64 characters of letters, digits and +=,.@_-.',
  check(context) {
    const name = context.aws.sessionName;
    // An empty name is role-session-name-missing's.
    if (isIdentityCenter(context) || !name || SESSION_NAME.test(name)) return [];
    const length = name.length < 2 || name.length > 64 ? ` (${name.length} characters)` : '';
    return [
      {
        message: `RoleSessionName ${quote(name)}${length} is not 2-64 of letters, digits and +=,.@_-.`,
        fix: 'Map RoleSessionName to a value that fits, e.g. the email address or username; strip spaces and other characters in the IdP mapping.',
      },
    ];
  },
};
