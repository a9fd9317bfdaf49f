import { isAssertionHidden } from '../lint/context.ts';
import type { Rule } from '../lint/types.ts';

export const recipientMissing: Rule = {
  code: 'recipient-missing',
  severity: 'error',
  summary: 'SubjectConfirmationData has a Recipient (AWS documents it as required).',
  check(context) {
    if (isAssertionHidden(context) || context.saml.recipient !== undefined) return [];
    return [
      {
        message:
          "The assertion's SubjectConfirmationData has no Recipient; AWS's documentation requires it to be the sign-in endpoint.",
        fix: 'Configure the ACS / recipient URL in the IdP as https://signin.aws.amazon.com/saml (or the regional or partition equivalent).',
      },
    ];
  },
};
