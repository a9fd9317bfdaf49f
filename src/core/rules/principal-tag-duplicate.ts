import { sentPrincipalTags } from '../lint/principal-tags.ts';
import { quote } from '../lint/quote.ts';
import type { Rule, RuleResult } from '../lint/types.ts';

export const principalTagDuplicate: Rule = {
  code: 'principal-tag-duplicate',
  severity: 'error',
  summary:
    'No two PrincipalTag keys are the same, ignoring case (AWS tag keys are case-insensitive).',
  check(context) {
    const firstKeyByLowerCase = new Map<string, string>();
    const results: RuleResult[] = [];
    for (const { key } of sentPrincipalTags(context.saml)) {
      const lower = key.toLowerCase();
      const first = firstKeyByLowerCase.get(lower);
      if (first === undefined) {
        firstKeyByLowerCase.set(lower, key);
        continue;
      }
      const how =
        first === key ? 'is sent twice' : `repeats ${quote(first)} (tag keys ignore case)`;
      results.push({
        message: `Session tag key ${quote(key)} ${how}; AWS rejects duplicate session tag keys.`,
        fix: 'Send each tag key once: merge the mappings that produce it, or rename one of them.',
      });
    }
    return results;
  },
};
