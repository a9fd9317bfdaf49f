import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesGlob } from '../../../src/core/expect/glob.ts';

describe('matchesGlob', () => {
  it.each([
    ['arn:aws:iam::111111111111:role/Admin', 'arn:aws:iam::111111111111:role/Admin', true],
    ['arn:aws:iam::111111111111:role/Admin', 'arn:aws:iam::111111111111:role/Admins', false],
    ['arn:aws:iam::2222*:role/team/*', 'arn:aws:iam::222233334444:role/team/dev/Read', true],
    ['arn:aws:iam::2222*:role/team/*', 'arn:aws:iam::333322224444:role/team/Read', false],
    ['arn:aws:iam::2222*:role/team/*', 'arn:aws:iam::222233334444:role/other/team/x', false],
    ['*@example.com', 'alice@example.com', true],
    ['*@example.com', 'alice@example.com.evil', false],
    ['*', '', true],
    ['a*a', 'a', false],
    ['a*a', 'aa', true],
    ['*ab*ab*', 'xabyab', true],
    ['*ab*ab*', 'xaby', false],
    ['a**b', 'ab', true],
  ])('%s against %s: %s', (pattern, text, result) => {
    expect(matchesGlob(pattern, text)).toBe(result);
  });

  it('stays fast on patterns that make backtracking matchers explode', () => {
    const text = 'a'.repeat(100_000);
    const pattern = `${'*a'.repeat(50)}b`;
    const started = performance.now();
    expect(matchesGlob(pattern, text)).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('agrees with a regular expression built from the pattern, on any short strings', () => {
    const alphabet = fc.constantFrom('a', 'b', ':', '/');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(alphabet, fc.constant('*')), { maxLength: 8 }).map((c) => c.join('')),
        fc.array(alphabet, { maxLength: 10 }).map((c) => c.join('')),
        (pattern, text) => {
          const reference = new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`, 's');
          expect(matchesGlob(pattern, text)).toBe(reference.test(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
