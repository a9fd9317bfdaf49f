import { describe, expect, it } from 'vitest';
import { normaliseUrl, reachedUrl } from '../../src/idp/standin/recipient.ts';

describe('the stand-in compares Recipient and Destination as AWS does', () => {
  it('lower-cases scheme and host and drops trailing slashes', () => {
    expect(normaliseUrl('HTTPS://Signin.AWS.amazon.com/saml///')).toBe(
      'https://signin.aws.amazon.com/saml',
    );
    expect(reachedUrl('http', '127.0.0.1:8080', '/saml/')).toBe('http://127.0.0.1:8080/saml');
  });

  it('reads a Recipient with 40,000 slashes before its last letter in linear time', () => {
    const url = `https://signin.aws.amazon.com/saml${'/'.repeat(40_000)}x`;
    const start = performance.now();
    expect(normaliseUrl(url)).toBe(url);
    // /\/+$/ on this pathname took about 10 s; a loop from the end takes microseconds.
    expect(performance.now() - start).toBeLessThan(500);
  });
});
