import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatches, parseGlob } from '../../../src/core/policy/glob.ts';

const matches = (pattern: string, text: string, ignoreCase = false) =>
  globMatches(parseGlob(pattern), text, ignoreCase);

/** The reference: a RegExp from the escaped pattern, fine for the short strings fast-check makes. */
function reference(pattern: string, text: string): boolean {
  let source = '';
  for (const char of pattern)
    source +=
      char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${source}$`, 'su').test(text);
}

describe('globMatches', () => {
  it.each([
    ['', '', true],
    ['', 'a', false],
    ['*', '', true],
    ['*', 'anything at all', true],
    ['?', '', false],
    ['?', 'é', true],
    ['?', '😀', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['*@example.com', 'alice@example.com', true],
    ['*@example.com', 'alice@example.com.evil', false],
    ['alice*', 'alice', true],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxcyyb', false],
    ['a*a', 'a', false],
    ['*ab*ab*', 'abab', true],
    ['*ab*ab*', 'aba', false],
    ['ABC', 'abc', false],
  ])('%j matches %j: %s', (pattern, text, expected) => {
    expect(matches(pattern, text)).toBe(expected);
    expect(reference(pattern, text)).toBe(expected);
  });

  it('ignores case only when asked (action names)', () => {
    expect(matches('sts:AssumeRole*', 'STS:assumerolewithsaml', true)).toBe(true);
    expect(matches('sts:AssumeRole*', 'STS:assumerolewithsaml')).toBe(false);
  });

  it('text put in by a policy variable matches only itself', () => {
    expect(globMatches([{ kind: 'text', text: '*' }], 'anything')).toBe(false);
    expect(globMatches([{ kind: 'text', text: '*' }], '*')).toBe(true);
  });

  it('agrees with a RegExp reference on generated patterns and texts', () => {
    const alphabet = fc.constantFrom('a', 'b', '*', '?', 'é', '.');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 8 }).map((chars) => chars.join('')),
        fc
          .array(fc.constantFrom('a', 'b', 'é', '.', '*'), { maxLength: 12 })
          .map((c) => c.join('')),
        (pattern, text) => matches(pattern, text) === reference(pattern, text),
      ),
      { numRuns: 3000 },
    );
  });

  it('stays linear where a backtracking matcher explodes', () => {
    const text = 'a'.repeat(200_000);
    const pattern = `${'*a'.repeat(30)}*b`;
    const started = performance.now();
    expect(matches(pattern, text)).toBe(false);
    expect(matches(`${'*a'.repeat(30)}*`, text)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('finds a long part in one pass, with or without ?, where a naive search is quadratic', () => {
    // A naive search compares ~5,000 characters at each place: 5e9 steps for a million.
    const long = 'a'.repeat(5_000);
    const started = performance.now();
    expect(matches(`*${long}b*`, 'a'.repeat(1_000_000))).toBe(false);
    // With ?, Shift-And: |text| x |part| / 32 word steps.
    expect(matches(`*${long}?b*`, 'a'.repeat(200_000))).toBe(false);
    expect(matches(`*${long}?a*`, `${'a'.repeat(200_000)}b`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it('agrees with the reference on long parts that cross word boundaries', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom('a', 'b', '?'), { minLength: 30, maxLength: 70 })
          .map((c) => c.join('')),
        fc.array(fc.constantFrom('a', 'b'), { maxLength: 160 }).map((c) => c.join('')),
        (part, text) => matches(`*${part}*`, text) === reference(`*${part}*`, text),
      ),
      { numRuns: 500 },
    );
  });
});
