import { describe, expect, it } from 'vitest';
import { recipientMissing } from '../../../src/core/rules/recipient-missing.ts';
import { check } from './fixtures.ts';

describe('recipient-missing', () => {
  it('passes when a Recipient is sent', () => {
    expect(check(recipientMissing)).toEqual([]);
  });

  it('warns when there is none', () => {
    expect(check(recipientMissing, { saml: { recipient: undefined } })).toHaveLength(1);
  });

  it('stays quiet when the assertion is encrypted', () => {
    expect(
      check(recipientMissing, { saml: { recipient: undefined, encryptedAssertion: true } }),
    ).toEqual([]);
  });
});
