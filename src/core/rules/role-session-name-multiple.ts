import { AWS_ATTRIBUTES } from '../aws/attributes.ts';
import { attributesNamed } from '../lint/attribute-names.ts';
import { isIdentityCenter } from '../lint/context.ts';
import { quote } from '../lint/quote.ts';
import type { Rule } from '../lint/types.ts';

export const roleSessionNameMultiple: Rule = {
  code: 'role-session-name-multiple',
  severity: 'warning',
  summary: 'RoleSessionName has exactly one value (AWS uses only one).',
  check(context) {
    if (isIdentityCenter(context)) return [];
    const values = attributesNamed(context.saml, AWS_ATTRIBUTES.roleSessionName).flatMap(
      (attribute) => attribute.values,
    );
    if (values.length <= 1) return [];
    return [
      {
        message: `RoleSessionName has ${values.length} values (${values.map(quote).join(', ')}); AWS uses only one, so which one names the session is not under your control.`,
        fix: 'Send a single RoleSessionName value per user.',
      },
    ];
  },
};
