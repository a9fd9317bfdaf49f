import { describe, expect, it } from 'vitest';
import { withoutTrailingSlashes } from '../../src/core/trailing-slashes.ts';

describe('withoutTrailingSlashes', () => {
  it.each([
    ['https://signin.aws.amazon.com/saml/', 'https://signin.aws.amazon.com/saml'],
    ['/saml///', '/saml'],
    ['/saml', '/saml'],
    ['///', ''],
    ['', ''],
    ['/a//b/', '/a//b'],
  ])('%j becomes %j', (text, expected) => {
    expect(withoutTrailingSlashes(text)).toBe(expected);
  });

  it('takes linear time on a run of slashes that does not end the text (a regex is quadratic)', () => {
    const text = `/saml${'/'.repeat(40_000)}x`;
    const start = performance.now();
    expect(withoutTrailingSlashes(text)).toBe(text);
    expect(withoutTrailingSlashes(`${text}${'/'.repeat(40_000)}`)).toBe(text);
    // Linear: well under a millisecond. /\/+$/ took 10 s on this text.
    expect(performance.now() - start).toBeLessThan(500);
  });
});
