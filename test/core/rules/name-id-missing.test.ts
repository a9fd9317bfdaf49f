import { describe, expect, it } from 'vitest';
import { nameIdMissing } from '../../../src/core/rules/name-id-missing.ts';
import { check } from './fixtures.ts';

describe('name-id-missing', () => {
  it('passes a NameID', () => {
    expect(check(nameIdMissing)).toEqual([]);
  });

  it('warns about a missing or blank NameID', () => {
    expect(check(nameIdMissing, { saml: { nameId: undefined } })).toHaveLength(1);
    expect(check(nameIdMissing, { saml: { nameId: { value: ' ' } } })).toHaveLength(1);
  });

  it('stays quiet when the assertion is encrypted', () => {
    expect(check(nameIdMissing, { saml: { nameId: undefined, encryptedAssertion: true } })).toEqual(
      [],
    );
  });
});
