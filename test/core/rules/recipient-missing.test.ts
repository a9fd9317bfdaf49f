import { describe, expect, it } from 'vitest';
import { recipientMissing } from '../../../src/core/rules/recipient-missing.ts';
import { check } from './fixtures.ts';

describe('recipient-missing', () => {
  it('passes when a Recipient is sent', () => {
    expect(check(recipientMissing)).toEqual([]);
  });

  it('is an error when there is none: AWS refuses such an assertion', () => {
    expect(check(recipientMissing, { saml: { recipient: undefined } })).toHaveLength(1);
    // The IAM guide requires the Recipient, and the stand-in refuses without one; a warning let
    // the extension call an assertion AWS refuses usable (found by the differential test).
    expect(recipientMissing.severity).toBe('error');
  });

  it('stays quiet when the assertion is encrypted', () => {
    expect(
      check(recipientMissing, { saml: { recipient: undefined, encryptedAssertion: true } }),
    ).toEqual([]);
  });
});
