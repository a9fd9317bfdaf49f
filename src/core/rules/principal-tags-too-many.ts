import { AWS_LIMITS } from '../aws/attributes.ts';
import { sentPrincipalTags } from '../lint/principal-tags.ts';
import type { Rule } from '../lint/types.ts';

export const principalTagsTooMany: Rule = {
  code: 'principal-tags-too-many',
  severity: 'error',
  summary: `At most ${AWS_LIMITS.maxSessionTags} PrincipalTag attributes (session tags).`,
  check(context) {
    const count = sentPrincipalTags(context.saml).length;
    if (count <= AWS_LIMITS.maxSessionTags) return [];
    return [
      {
        message: `The response sends ${count} PrincipalTag attributes; AWS accepts at most ${AWS_LIMITS.maxSessionTags} session tags.`,
        fix: 'Send only the tags your policies use; move the rest out of the AWS application in the IdP.',
      },
    ];
  },
};
