import { isAssertionHidden } from '../lint/context.ts';
import type { Rule } from '../lint/types.ts';

export const subjectExpiryMissing: Rule = {
  code: 'subject-expiry-missing',
  severity: 'error',
  summary: 'SubjectConfirmationData has a NotOnOrAfter (AWS documents it as required).',
  check(context) {
    if (isAssertionHidden(context) || context.saml.subjectNotOnOrAfter !== undefined) return [];
    return [
      {
        message:
          "The assertion's SubjectConfirmationData has no NotOnOrAfter; AWS's documentation requires it beside the Recipient, and AWS refuses the assertion without it.",
        fix: "Have the IdP write NotOnOrAfter on SubjectConfirmationData (most IdPs set it from the assertion's lifetime, a few minutes).",
      },
    ];
  },
};
