// The stand-in's filter reader: eq joined by and (IAM Identity Center's only filters), everything
// else RFC 7644 §3.4.2.2 allows refused with a reason, in time linear in the filter's length.
import { describe, expect, it } from 'vitest';
import { parseEqFilter, MAX_FILTER_LENGTH } from '../../src/idp/standin/scim/filter.ts';
import { parsePatchPath } from '../../src/idp/standin/scim/patch-apply.ts';
import { ScimError } from '../../src/idp/standin/scim/scim-error.ts';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

function refusal(text: string, maxLength?: number): string {
  try {
    parseEqFilter(text, maxLength);
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    expect((error as ScimError).scimType).toBe('invalidFilter');
    return (error as ScimError).detail;
  }
  throw new Error(`accepted: ${text}`);
}

describe('parseEqFilter', () => {
  it.each([
    ['userName eq "bjensen"', [{ path: 'userName', value: 'bjensen' }]],
    ['userName Eq "a \\" b"', [{ path: 'userName', value: 'a " b' }]],
    [
      'displayName eq "x" AND externalId eq "y"',
      [
        { path: 'displayName', value: 'x' },
        { path: 'externalId', value: 'y' },
      ],
    ],
    ['active eq true', [{ path: 'active', value: true }]],
    ['emails.value eq "a@b"', [{ path: 'emails.value', value: 'a@b' }]],
    [
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "7"',
      [
        {
          path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber',
          value: '7',
        },
      ],
    ],
    ['  x eq 12  ', [{ path: 'x', value: 12 }]],
  ])('%s', (text, expected) => {
    expect(parseEqFilter(text)).toEqual(expected);
  });

  it.each([
    ['userName co "j"', 'the operator "co" is not supported'],
    ['title pr', 'the operator "pr" is not supported'],
    ['a eq "x" or b eq "y"', '"or" is not supported'],
    ['not (a eq "x")', '"not" is not supported'],
    ['(a eq "x")', 'grouping and value paths'],
    ['emails[type eq "work"]', 'grouping and value paths'],
    ['a eq x', '"x" at character 6 is not a value (strings are quoted)'],
    ['a eq "x', 'the string starting at character 6 is not closed'],
    ['a eq "x" and', 'expected an attribute name at character 13'],
    ['a eq "x" b eq "y"', 'expected "and" at character 10, found "b"'],
    ['a eq', 'expected a value at character 5'],
    ['', 'expected an attribute name at character 1'],
    ['1a eq "x"', '"1a" is not an attribute path'],
    ['a eq "\\q"', 'is not a valid JSON string'],
  ])('%s is refused: %s', (text, reason) => {
    expect(refusal(text)).toContain(reason);
  });

  it('names the AWS rule when it refuses an operator', () => {
    expect(refusal('userName sw "J"')).toContain(
      'IAM Identity Center supports only "eq" comparisons joined by "and" (developer guide, "Limitations from SCIM specification")',
    );
  });

  it('refuses a filter over its length or comparison cap before reading further', () => {
    expect(refusal('a'.repeat(MAX_FILTER_LENGTH + 1))).toContain('longer than 4096');
    expect(refusal(Array.from({ length: 21 }, () => 'a eq "x"').join(' and '))).toContain(
      'more than 20 comparisons',
    );
  });

  /** Adversarial shapes: long strings of escapes, unclosed strings, runs of spaces, long paths. */
  const HOSTILE: [string, (n: number) => string][] = [
    ['an unclosed string of backslash-quotes', (n) => `a eq "${'\\"'.repeat(n)}`],
    ['a run of spaces before the operator', (n) => `a${' '.repeat(n)}`],
    ['a long dotted URN path', (n) => `urn:${'a.'.repeat(n)}! eq "x"`],
    [
      'many and-joined comparisons',
      (n) => Array.from({ length: n / 10 }, () => 'a eq "x"').join(' and '),
    ],
    ['a long number-like literal', (n) => `a eq ${'1'.repeat(n)}e`],
  ];

  it.each(HOSTILE)('reads %s in linear time', (_, make) => {
    /** The fastest of three reads: the machine's load only ever adds time, so the minimum is the cost. */
    const time = (n: number) => {
      const text = make(n);
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        try {
          parseEqFilter(text, Infinity);
        } catch {
          // refused or not, only the time matters here
        }
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    time(2_000); // warm-up
    const small = time(10_000);
    const large = time(40_000);
    // 4× the input: linear is ~4× the time; quadratic would be 16× (a backtracking regex, far more).
    // A generous bound for a busy machine, and an absolute one: 40,000 characters take well under
    // a millisecond when linear (allocation and GC aside), and about a second when quadratic.
    expect(large).toBeLessThan(Math.max(small * 10, 25));
    expect(large).toBeLessThan(100);
  });

  it('refuses at its cap in well under a millisecond per filter', () => {
    const text = `a eq "${'\\"'.repeat(MAX_FILTER_LENGTH)}`;
    const start = performance.now();
    for (let i = 0; i < 1000; i++) expect(() => parseEqFilter(text)).toThrow(ScimError);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('parsePatchPath', () => {
  it.each([
    ['members', { attribute: 'members' }],
    ['name.givenName', { attribute: 'name', sub: 'givenName' }],
    [`${USER}:userName`, { attribute: 'userName' }],
    [
      'members[value eq "2819c223"]',
      { attribute: 'members', filter: [{ path: 'value', value: '2819c223' }] },
    ],
    [
      'addresses[type eq "work"].streetAddress',
      { attribute: 'addresses', filter: [{ path: 'type', value: 'work' }], sub: 'streetAddress' },
    ],
    [
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
      {
        extension: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
        attribute: 'manager',
      },
    ],
  ])('%s', (path, expected) => {
    expect(parsePatchPath(path, USER)).toEqual(expected);
  });

  it.each([
    'members[value eq "x"',
    'a.b.c',
    'members[value eq "x"]x',
    '[x eq "y"]',
    'emails[type ne "work"]',
  ])('%s is refused with a 400', (path) => {
    expect(() => parsePatchPath(path, USER)).toThrow(ScimError);
  });
});
