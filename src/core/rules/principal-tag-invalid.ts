import { AWS_LIMITS } from '../aws/attributes.ts';
import { sentPrincipalTags } from '../lint/principal-tags.ts';
import { quote } from '../lint/quote.ts';
import type { Rule, RuleResult } from '../lint/types.ts';

// AWS tag characters: Unicode letters, digits, spaces, and _ . : / = + - @
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Length in characters as AWS counts them (code points, not UTF-16 units). */
function characterCount(text: string): number {
  return [...text].length;
}

function keyProblems(key: string): string[] {
  const problems: string[] = [];
  if (key === '') problems.push('is empty');
  if (characterCount(key) > AWS_LIMITS.maxTagKeyLength) {
    problems.push(`is ${characterCount(key)} characters, over ${AWS_LIMITS.maxTagKeyLength}`);
  }
  if (!TAG_CHARACTERS.test(key))
    problems.push('has characters other than letters, digits, spaces and _.:/=+-@');
  if (key.toLowerCase().startsWith('aws:')) problems.push('starts with the reserved prefix "aws:"');
  return problems;
}

function valueProblems(value: string): string[] {
  const problems: string[] = [];
  if (characterCount(value) > AWS_LIMITS.maxTagValueLength) {
    problems.push(`is ${characterCount(value)} characters, over ${AWS_LIMITS.maxTagValueLength}`);
  }
  if (!TAG_CHARACTERS.test(value))
    problems.push('has characters other than letters, digits, spaces and _.:/=+-@');
  return problems;
}

export const principalTagInvalid: Rule = {
  code: 'principal-tag-invalid',
  severity: 'error',
  summary: `PrincipalTag keys are 1-${AWS_LIMITS.maxTagKeyLength} and values up to ${AWS_LIMITS.maxTagValueLength} AWS tag characters; keys do not start with "aws:".`,
  check(context) {
    const results: RuleResult[] = [];
    for (const tag of sentPrincipalTags(context.saml)) {
      for (const problem of keyProblems(tag.key)) {
        results.push({
          message: `Session tag key ${quote(tag.key)} (attribute ${quote(tag.attributeName)}) ${problem}.`,
          fix: 'Rename the tag in the IdP mapping: 1-128 of letters, digits, spaces and _.:/=+-@, not starting with "aws:".',
        });
      }
      // AWS reads the first value; that is the one that must be valid.
      const value = tag.values[0];
      if (value === undefined) continue;
      for (const problem of valueProblems(value)) {
        results.push({
          message: `Session tag ${quote(tag.key)} value ${quote(value)} ${problem}.`,
          fix: 'Transform the value in the IdP mapping: up to 256 of letters, digits, spaces and _.:/=+-@ (replace commas, brackets and other characters).',
        });
      }
    }
    return results;
  },
};
