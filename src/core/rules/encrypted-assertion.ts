import type { Rule } from '../lint/types.ts';

export const encryptedAssertion: Rule = {
  code: 'encrypted-assertion',
  severity: 'info',
  summary:
    'Notes an EncryptedAssertion: it cannot be read or checked without the service provider key.',
  check(context) {
    if (!context.saml.encryptedAssertion) return [];
    return [
      {
        message:
          "The assertion is encrypted: its subject, conditions and attributes cannot be read without the service provider's private key, so they were not checked.",
        fix: 'Nothing to change if the IAM SAML provider holds the matching private key. To inspect the attributes here, turn assertion encryption off in the IdP while testing.',
      },
    ];
  },
};
