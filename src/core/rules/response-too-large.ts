import { AWS_LIMITS } from '../aws/attributes.ts';
import { groupThousands } from '../group-thousands.ts';
import type { Rule } from '../lint/types.ts';

const LIMIT = AWS_LIMITS.maxSamlResponseBase64Length;

export const responseTooLarge: Rule = {
  code: 'response-too-large',
  severity: 'error',
  summary: `The base64 SAMLResponse is at most ${groupThousands(LIMIT)} characters.`,
  check(context) {
    const length = context.input?.base64Length;
    if (length === undefined || length <= LIMIT) return [];
    return [
      {
        message: `The base64 SAMLResponse is ${groupThousands(length)} characters; AWS rejects more than ${groupThousands(LIMIT)}.`,
        fix: 'Send fewer roles and attributes (scope the Role mapping to this application, drop unused PrincipalTags and group lists), or sign only the assertion.',
      },
    ];
  },
};
