import type { ContextLookup } from './context-lookup.ts';
import { globMatches, type GlobPart } from './glob.ts';
import type { BaseOperator, ConditionTest } from './policy-document.ts';
import { resolvePolicyValue } from './policy-variables.ts';

/** How one condition test came out, with what the request held for its key. */
export interface ConditionOutcome {
  holds: boolean;
  /** The key's values in the request; null when the request does not have the key. */
  seen: readonly string[] | null;
  /** A policy variable without a value: IAM then treats the statement as not applying. */
  unresolved?: string;
}

const NEGATED = new Set<BaseOperator>([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'ArnNotEquals',
  'ArnNotLike',
]);

export function isNegated(base: BaseOperator): boolean {
  return NEGATED.has(base);
}

interface Expected {
  pattern: GlobPart[];
  text: string;
}

/**
 * One key under one operator, as IAM's condition reference says: values for a key are ORed (a
 * negated operator: NORed); a missing key fails the test, except for a negated operator,
 * `...IfExists` and `ForAllValues` (which then hold), and `Null`, which asks exactly that. Without
 * a set prefix, a key with several values holds when any of them matches (for a negated
 * operator: when none does).
 */
export function testCondition(
  test: ConditionTest,
  context: ContextLookup,
  variables: boolean,
): ConditionOutcome {
  const values = context.values(test.key);
  const seen = values ?? null;
  if (test.base === 'Null') {
    const absent = values === undefined;
    return { holds: test.values.some((value) => (value === 'true') === absent), seen };
  }
  const negated = isNegated(test.base);
  if (values === undefined) {
    const holds = test.ifExists || test.set === 'ForAllValues' || (!test.set && negated);
    return { holds, seen };
  }
  const expected: Expected[] = [];
  const resolves = test.base !== 'Bool';
  for (const value of test.values) {
    if (!resolves) {
      expected.push({ pattern: [{ kind: 'text', text: value }], text: value });
      continue;
    }
    const resolved = resolvePolicyValue(value, (key) => context.single(key), variables);
    if (!resolved.ok) return { holds: false, seen, unresolved: resolved.variable };
    expected.push(resolved);
  }
  const matches = (value: string): boolean =>
    expected.some((candidate) => matchOne(test.base, candidate, value));
  let holds: boolean;
  if (test.set === 'ForAllValues') holds = values.every((value) => matches(value) !== negated);
  else if (test.set === 'ForAnyValue') holds = values.some((value) => matches(value) !== negated);
  else holds = values.some(matches) !== negated;
  return { holds, seen };
}

function matchOne(base: BaseOperator, expected: Expected, value: string): boolean {
  switch (base) {
    case 'StringEquals':
    case 'StringNotEquals':
      return expected.text === value;
    case 'StringEqualsIgnoreCase':
    case 'StringNotEqualsIgnoreCase':
      return expected.text.toLowerCase() === value.toLowerCase();
    case 'StringLike':
    case 'StringNotLike':
      return globMatches(expected.pattern, value);
    case 'ArnEquals':
    case 'ArnNotEquals':
    case 'ArnLike':
    case 'ArnNotLike':
      return arnMatches(expected.pattern, value);
    case 'Bool':
      return expected.text.toLowerCase() === value.toLowerCase();
    case 'Null':
      return false;
  }
}

/**
 * IAM's ARN operators (Equals and Like alike): each of the six colon-separated parts is matched
 * on its own, wildcards included, so a `*` never spans a colon before the resource part.
 */
function arnMatches(pattern: readonly GlobPart[], value: string): boolean {
  const valueParts = splitArn(value);
  const patternParts = splitPattern(pattern);
  if (!valueParts || !patternParts) return false;
  return patternParts.every((part, i) => globMatches(part, valueParts[i]!));
}

function splitArn(value: string): string[] | undefined {
  const parts = value.split(':');
  if (parts.length < 6) return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

function splitPattern(pattern: readonly GlobPart[]): GlobPart[][] | undefined {
  const parts: GlobPart[][] = [[]];
  for (const part of pattern) {
    if (part.kind !== 'text' || parts.length === 6) {
      parts[parts.length - 1]!.push(part);
      continue;
    }
    const pieces = part.text.split(':');
    pieces.forEach((piece, i) => {
      if (i > 0 && parts.length < 6) parts.push([]);
      else if (i > 0) parts[parts.length - 1]!.push({ kind: 'text', text: ':' });
      if (piece) parts[parts.length - 1]!.push({ kind: 'text', text: piece });
    });
  }
  return parts.length === 6 ? parts : undefined;
}
