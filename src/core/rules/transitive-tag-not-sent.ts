import { quote } from '../lint/quote.ts';
import type { Rule, RuleResult } from '../lint/types.ts';

export const transitiveTagNotSent: Rule = {
  code: 'transitive-tag-not-sent',
  severity: 'warning',
  summary: 'Every TransitiveTagKeys entry names a PrincipalTag that is sent.',
  check(context) {
    const { transitiveTagKeys, principalTags } = context.aws;
    const sentKeys = new Set(Object.keys(principalTags).map((key) => key.toLowerCase()));
    const results: RuleResult[] = [];
    for (const key of transitiveTagKeys) {
      if (sentKeys.has(key.toLowerCase())) continue;
      results.push({
        message: `TransitiveTagKeys names ${quote(key)}, but no PrincipalTag:${key} attribute is sent; AWS requires transitive keys to be session tags.`,
        fix: `Send a PrincipalTag:${key} attribute, or remove ${quote(key)} from TransitiveTagKeys.`,
      });
    }
    return results;
  },
};
