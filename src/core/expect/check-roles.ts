import type { RolePair } from '../aws/types.ts';
import { isGlob, matchesGlob } from './glob.ts';
import type { Expectation, ExpectationCheck } from './types.ts';
import { listed } from './listed.ts';

/**
 * The role expectations. Plain ARNs are looked up in a Set; each glob is tried against each role
 * (a file's globs are few, so this stays linear in the assertion).
 */
export function checkRoles(
  roles: readonly RolePair[],
  expected: NonNullable<Expectation['roles']>,
): ExpectationCheck[] {
  const arns = roles.map((role) => role.roleArn);
  const checks: ExpectationCheck[] = [];
  if (expected.exactly) {
    const unexpected = unmatchedRoles(arns, expected.exactly);
    const missing = unmatchedPatterns(arns, expected.exactly);
    checks.push({
      name: 'roles.exactly',
      passed: unexpected.length === 0 && missing.length === 0,
      message: `expected exactly ${listed(expected.exactly)}; came ${listed(arns)}${problems(unexpected, missing)}`,
    });
  }
  if (expected.atLeast) {
    const missing = unmatchedPatterns(arns, expected.atLeast);
    checks.push({
      name: 'roles.atLeast',
      passed: missing.length === 0,
      message: `expected at least ${listed(expected.atLeast)}; came ${listed(arns)}${problems([], missing)}`,
    });
  }
  if (expected.atMost) {
    const unexpected = unmatchedRoles(arns, expected.atMost);
    checks.push({
      name: 'roles.atMost',
      passed: unexpected.length === 0,
      message: `expected at most ${listed(expected.atMost)}; came ${listed(arns)}${problems(unexpected, [])}`,
    });
  }
  return checks;
}

function problems(unexpected: readonly string[], missing: readonly string[]): string {
  return [
    unexpected.length ? `; not expected: ${listed(unexpected)}` : '',
    missing.length ? `; matched by no role: ${listed(missing)}` : '',
  ].join('');
}

/** Split once: plain ARNs into a Set, globs kept to try one by one. */
function compile(patterns: readonly string[]): { plain: Set<string>; globs: string[] } {
  const plain = new Set<string>();
  const globs: string[] = [];
  for (const pattern of patterns)
    if (isGlob(pattern)) globs.push(pattern);
    else plain.add(pattern);
  return { plain, globs };
}

function unmatchedRoles(arns: readonly string[], patterns: readonly string[]): string[] {
  const { plain, globs } = compile(patterns);
  return arns.filter((arn) => !plain.has(arn) && !globs.some((glob) => matchesGlob(glob, arn)));
}

function unmatchedPatterns(arns: readonly string[], patterns: readonly string[]): string[] {
  const sent = new Set(arns);
  return patterns.filter((pattern) =>
    isGlob(pattern) ? !arns.some((arn) => matchesGlob(pattern, arn)) : !sent.has(pattern),
  );
}
