import { isAssertionHidden } from '../lint/context.ts';
import type { Rule } from '../lint/types.ts';

export const issuerMissing: Rule = {
  code: 'issuer-missing',
  severity: 'error',
  summary: "There is an Issuer (AWS matches it to the IAM SAML provider's metadata entityID).",
  check(context) {
    // The Assertion's own Issuer is inside the encryption.
    if (context.saml.issuer?.trim() || isAssertionHidden(context)) return [];
    return [
      {
        message:
          "Neither the Response nor the Assertion has an Issuer; SAML requires one, and AWS compares it with the entityID in the SAML provider's metadata.",
        fix: 'Make the IdP send an Issuer equal to the entityID in the metadata uploaded to the IAM SAML provider.',
      },
    ];
  },
};
