import { isAssertionHidden } from '../lint/context.ts';
import type { Rule } from '../lint/types.ts';

export const audienceMissing: Rule = {
  code: 'audience-missing',
  severity: 'error',
  summary: 'The assertion has an AudienceRestriction with an Audience.',
  check(context) {
    if (isAssertionHidden(context)) return [];
    if (context.saml.audiences.some((audience) => audience.trim() !== '')) return [];
    return [
      {
        message: 'The assertion has no Audience; AWS only accepts an assertion restricted to it.',
        fix: "Set the audience (SP entity ID) to urn:amazon:webservices, or the partition's one (urn:amazon:webservices:govcloud for GovCloud).",
      },
    ];
  },
};
