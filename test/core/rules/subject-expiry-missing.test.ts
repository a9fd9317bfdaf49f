import { describe, expect, it } from 'vitest';
import { subjectExpiryMissing } from '../../../src/core/rules/subject-expiry-missing.ts';
import { check } from './fixtures.ts';

describe('subject-expiry-missing', () => {
  it('passes when SubjectConfirmationData has a NotOnOrAfter', () => {
    expect(check(subjectExpiryMissing)).toEqual([]);
  });

  it('is an error when it has none, as the IAM guide requires one', () => {
    expect(check(subjectExpiryMissing, { saml: { subjectNotOnOrAfter: undefined } })).toHaveLength(
      1,
    );
    expect(subjectExpiryMissing.severity).toBe('error');
  });

  it('stays quiet when the assertion is encrypted', () => {
    expect(
      check(subjectExpiryMissing, {
        saml: { subjectNotOnOrAfter: undefined, encryptedAssertion: true },
      }),
    ).toEqual([]);
  });
});
