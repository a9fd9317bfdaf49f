import { AWS_ATTRIBUTE_PREFIX, AWS_ATTRIBUTES } from '../aws/attributes.ts';
import { quote } from '../lint/quote.ts';
import type { Rule, RuleResult } from '../lint/types.ts';

const EXACT_NAMES: readonly string[] = [
  AWS_ATTRIBUTES.role,
  AWS_ATTRIBUTES.roleSessionName,
  AWS_ATTRIBUTES.sessionDuration,
  AWS_ATTRIBUTES.sourceIdentity,
  AWS_ATTRIBUTES.transitiveTagKeys,
];

/** The AWS name this attribute was most likely meant to be, when it is not exactly that. */
function intendedName(name: string, sentNames: ReadonlySet<string>): string | undefined {
  // Surrounding whitespace is ignored, as buildAwsView does; only spelling and case matter.
  const trimmed = name.trim();
  const lower = trimmed.toLowerCase();
  for (const exact of EXACT_NAMES) {
    if (trimmed === exact) return undefined;
    if (lower === exact.toLowerCase()) return exact;
    // A bare "Role" is only a mistake when the full name is not sent as well.
    const shortName = exact.slice(AWS_ATTRIBUTE_PREFIX.length);
    if (lower === shortName.toLowerCase() && !sentNames.has(exact)) return exact;
  }
  const tagPrefix = AWS_ATTRIBUTES.principalTagPrefix;
  if (!trimmed.startsWith(tagPrefix) && lower.startsWith(tagPrefix.toLowerCase())) {
    return `${tagPrefix}${trimmed.slice(tagPrefix.length)}`;
  }
  return undefined;
}

export const attributeNameMismatch: Rule = {
  code: 'attribute-name-mismatch',
  severity: 'warning',
  summary: 'AWS attribute names are spelled exactly (they are case-sensitive full URLs).',
  check(context) {
    const sentNames = new Set(context.saml.attributes.map((attribute) => attribute.name.trim()));
    const results: RuleResult[] = [];
    for (const { name } of context.saml.attributes) {
      const intended = intendedName(name, sentNames);
      if (intended === undefined) continue;
      results.push({
        message: `Attribute ${quote(name)} looks meant for AWS but is not spelled exactly ${quote(intended)}, so AWS ignores it.`,
        fix: `Rename the attribute in the IdP to exactly ${intended} (names are case-sensitive).`,
      });
    }
    return results;
  },
};
