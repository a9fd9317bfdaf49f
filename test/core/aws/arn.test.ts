import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIamArn } from '../../../src/core/aws/arn.ts';

describe('parseIamArn', () => {
  it.each([
    [
      'arn:aws:iam::123456789012:role/Admin',
      { partition: 'aws', resourceType: 'role', name: 'Admin', baseName: 'Admin', path: '/' },
    ],
    [
      'arn:aws:iam::123456789012:role/a/b-c/Dev.Ops',
      { resourceType: 'role', name: 'a/b-c/Dev.Ops', baseName: 'Dev.Ops', path: '/a/b-c/' },
    ],
    [
      'arn:aws-us-gov:iam::123456789012:saml-provider/Okta',
      { partition: 'aws-us-gov', resourceType: 'saml-provider', name: 'Okta' },
    ],
    ['arn:aws-cn:iam::123456789012:role/R+=,.@_-', { partition: 'aws-cn', baseName: 'R+=,.@_-' }],
    ['arn:aws-iso:iam::123456789012:role/R', { partition: 'aws-iso', name: 'R' }],
  ])('reads %s', (value, expected) => {
    const result = parseIamArn(value);
    expect(result.ok && result.arn).toMatchObject({ accountId: '123456789012', ...expected });
  });

  it.each([
    ['arn:aws:iam::12345678901:role/A', 'not 12 digits'],
    ['arn:aws:iam::123456789012:user/A', 'neither "role" nor "saml-provider"'],
    ['arn:aws:sts::123456789012:role/A', 'service is "sts"'],
    ['arn:aws:iam:us-east-1:123456789012:role/A', 'no region'],
    ['arn:aws:iam::123456789012:role/', 'no role name'],
    ['arn:aws:iam::123456789012:role/a//B', 'empty or invalid segment'],
    ['arn:aws:iam::123456789012:role/' + 'x'.repeat(65), 'is not 1-64'],
    ['arn:aws:iam::123456789012:saml-provider/a/b', 'saml-provider name'],
    ['arn:foo:iam::123456789012:role/A', 'unknown partition'],
    ['role/A', 'is not an ARN'],
  ])('explains %s', (value, reason) => {
    const result = parseIamArn(value);
    expect(result.ok ? 'parsed' : result.reason).toContain(reason);
  });

  it('the fast path and the step-by-step path agree on random near-ARNs', () => {
    const piece = fc.constantFrom(
      'arn',
      'aws',
      'aws-cn',
      'iam',
      '',
      '123456789012',
      '12345',
      'role/A',
      'role/p/A',
      'saml-provider/X',
      'role/a b',
      'role//A',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 7 }), (parts) => {
        const value = parts.join(':');
        const result = parseIamArn(value);
        const looksValid =
          /^arn:(aws|aws-us-gov|aws-cn):iam::\d{12}:(role\/([\x21-\x7e]+\/)*[\w+=,.@-]{1,64}|saml-provider\/[\w.-]{1,128})$/.test(
            value,
          ) && !value.includes('//');
        expect(result.ok).toBe(looksValid);
      }),
    );
  });
});
