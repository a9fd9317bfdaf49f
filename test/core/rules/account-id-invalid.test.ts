import { describe, expect, it } from 'vitest';
import { accountIdInvalid } from '../../../src/core/rules/account-id-invalid.ts';
import { PROVIDER_ARN, check, withRoleValues } from './fixtures.ts';

describe('account-id-invalid', () => {
  it('passes 12-digit account IDs', () => {
    expect(check(accountIdInvalid)).toEqual([]);
  });

  it('reports an account ID that lost its leading zeros', () => {
    const role = 'arn:aws:iam::12345678901:role/Developer';
    const results = accountIdInvalid.check(withRoleValues(`${role},${PROVIDER_ARN}`));
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain(`Role value 1 of 1`);
    expect(results[0]!.message).toContain(`account ID "12345678901" in "${role}" is not 12 digits`);
  });

  it('reports each bad ARN of a value', () => {
    const value = 'arn:aws:iam::abc:role/Developer,arn:aws:iam:::saml-provider/ExampleIdP';
    expect(accountIdInvalid.check(withRoleValues(value))).toHaveLength(2);
  });
});
