import { quote } from '../lint/quote.ts';
import type { Rule } from '../lint/types.ts';

const SOURCE_IDENTITY = /^[\w+=,.@-]{2,64}$/;

export const sourceIdentityInvalid: Rule = {
  code: 'source-identity-invalid',
  severity: 'error',
  summary:
    'SourceIdentity, when sent, is 2-64 of letters, digits and +=,.@_- and does not start with "aws:".',
  check(context) {
    const value = context.aws.sourceIdentity;
    if (value === undefined) return [];
    let problem: string | undefined;
    // ":" is never allowed, but the reserved prefix is the likelier mistake, so name it first.
    if (value.toLowerCase().startsWith('aws:')) problem = 'starts with the reserved prefix "aws:"';
    else if (!SOURCE_IDENTITY.test(value)) problem = 'is not 2-64 of letters, digits and +=,.@_-';
    if (problem === undefined) return [];
    return [
      {
        message: `SourceIdentity ${quote(value)} ${problem}.`,
        fix: 'Map SourceIdentity to the username or email address (2-64 of letters, digits and +=,.@_-), or stop sending it.',
      },
    ];
  },
};
