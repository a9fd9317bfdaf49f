import { isAssertionHidden } from '../lint/context.ts';
import type { Rule } from '../lint/types.ts';

export const signatureMissing: Rule = {
  code: 'signature-missing',
  severity: 'error',
  summary: 'The Response or the Assertion is signed.',
  check(context) {
    // A signature inside an encrypted assertion cannot be seen.
    if (context.saml.signatures.length > 0 || isAssertionHidden(context)) return [];
    return [
      {
        message:
          'Neither the Response nor the Assertion carries a Signature; AWS only accepts signed SAML responses.',
        fix: "Enable signing in the IdP (sign the assertion, the response, or both) with the certificate in the IAM SAML provider's metadata.",
      },
    ];
  },
};
