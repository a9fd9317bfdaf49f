import { describe, expect, it } from 'vitest';
import { roleProviderMismatch } from '../../../src/core/rules/role-provider-mismatch.ts';
import { PROVIDER_ARN, ROLE_ARN, check, withRoleValues } from './fixtures.ts';

describe('role-provider-mismatch', () => {
  it('passes a role and provider in the same account', () => {
    expect(check(roleProviderMismatch)).toEqual([]);
  });

  it('reports a provider in another account', () => {
    const provider = 'arn:aws:iam::210987654321:saml-provider/ExampleIdP';
    const results = roleProviderMismatch.check(
      withRoleValues(`${ROLE_ARN},${PROVIDER_ARN}`, `${ROLE_ARN},${provider}`),
    );
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain('Role value 2 of 2');
    expect(results[0]!.message).toContain('account 123456789012 vs 210987654321');
  });

  it('reports a provider in another partition', () => {
    const provider = 'arn:aws-us-gov:iam::123456789012:saml-provider/ExampleIdP';
    const results = roleProviderMismatch.check(withRoleValues(`${provider},${ROLE_ARN}`));
    expect(results[0]!.message).toContain('partition "aws" vs "aws-us-gov"');
  });
});
