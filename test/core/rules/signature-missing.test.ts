import { describe, expect, it } from 'vitest';
import { signatureMissing } from '../../../src/core/rules/signature-missing.ts';
import { check } from './fixtures.ts';

describe('signature-missing', () => {
  it('passes a signed assertion or response', () => {
    expect(check(signatureMissing)).toEqual([]);
    expect(check(signatureMissing, { saml: { signatures: [{ on: 'response' }] } })).toEqual([]);
  });

  it('reports an unsigned message', () => {
    expect(check(signatureMissing, { saml: { signatures: [] } })).toHaveLength(1);
  });

  it('stays quiet when the assertion (and any signature in it) is encrypted', () => {
    expect(check(signatureMissing, { saml: { signatures: [], encryptedAssertion: true } })).toEqual(
      [],
    );
  });
});
