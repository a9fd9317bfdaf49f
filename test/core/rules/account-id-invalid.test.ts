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

  it('reports a value once, naming each of its bad ARNs', () => {
    const role = 'arn:aws:iam::12345678901:role/Developer';
    const provider = 'arn:aws:iam::12345678901:saml-provider/ExampleIdP';
    const results = accountIdInvalid.check(withRoleValues(`${role},${provider}`));
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain(`"${role}"`);
    expect(results[0]!.message).toContain(`"${provider}"`);
  });

  it('names an empty account field as well as a non-numeric one', () => {
    const value = 'arn:aws:iam::abc:role/Developer,arn:aws:iam:::saml-provider/ExampleIdP';
    const results = accountIdInvalid.check(withRoleValues(value));
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain('account ID "abc" in "arn:aws:iam::abc:role/Developer"');
    expect(results[0]!.message).toContain(
      'account ID "" in "arn:aws:iam:::saml-provider/ExampleIdP"',
    );
  });

  it('names at most three bad ARNs of a value, then how many more', () => {
    const bad = (n: number) => `arn:aws:iam::1:role/R${n}`;
    const value = Array.from({ length: 4 }, (_, n) => bad(n)).join(',');
    const results = accountIdInvalid.check(withRoleValues(value));
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain(bad(2));
    expect(results[0]!.message).not.toContain(`"${bad(3)}"`);
    expect(results[0]!.message).toContain('and 1 more are not 12 digits');
  });

  it('reports each bad value separately', () => {
    const role = 'arn:aws:iam::12345678901:role/Developer';
    const results = accountIdInvalid.check(
      withRoleValues(`${role},${PROVIDER_ARN}`, `${PROVIDER_ARN},${role}`),
    );
    expect(results.map((result) => result.message.slice(0, 'Role value 1'.length))).toEqual([
      'Role value 1',
      'Role value 2',
    ]);
  });
});
