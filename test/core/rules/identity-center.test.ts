import { describe, expect, it } from 'vitest';
import { identityCenter } from '../../../src/core/rules/identity-center.ts';
import { check, identityCenterContext } from './fixtures.ts';

describe('identity-center', () => {
  it('says nothing about an IAM federation response', () => {
    expect(check(identityCenter)).toEqual([]);
  });

  it('describes an Identity Center response once, as info', () => {
    const results = identityCenter.check(identityCenterContext());
    expect(results).toHaveLength(1);
    expect(results[0]!.severity).toBeUndefined();
    expect(identityCenter.severity).toBe('info');
    expect(results[0]!.message).toContain(
      'IAM Identity Center response in us-east-1 (ACS https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0123456789abcdef)',
    );
  });
});
