import { describe, expect, it } from 'vitest';
import { issuerMissing } from '../../../src/core/rules/issuer-missing.ts';
import { check } from './fixtures.ts';

describe('issuer-missing', () => {
  it('passes an Issuer', () => {
    expect(check(issuerMissing)).toEqual([]);
  });

  it('reports a missing or blank Issuer', () => {
    expect(check(issuerMissing, { saml: { issuer: undefined } })).toHaveLength(1);
    expect(check(issuerMissing, { saml: { issuer: '' } })).toHaveLength(1);
  });

  it('stays quiet when the assertion, with its Issuer, is encrypted', () => {
    expect(check(issuerMissing, { saml: { issuer: undefined, encryptedAssertion: true } })).toEqual(
      [],
    );
  });
});
