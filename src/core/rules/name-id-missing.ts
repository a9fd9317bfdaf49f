import { isAssertionHidden } from '../lint/context.ts';
import type { Rule } from '../lint/types.ts';

export const nameIdMissing: Rule = {
  code: 'name-id-missing',
  severity: 'warning',
  summary: 'The Subject has a non-empty NameID.',
  check(context) {
    if (isAssertionHidden(context) || context.saml.nameId?.value.trim()) return [];
    return [
      {
        message:
          'The Subject has no NameID (or an empty one); AWS documents NameID as part of the assertion and exposes it to policies as saml:sub.',
        fix: 'Send a persistent or email NameID that identifies the user.',
      },
    ];
  },
};
