import { describe, expect, it } from 'vitest';
import { encryptedAssertion } from '../../../src/core/rules/encrypted-assertion.ts';
import { check } from './fixtures.ts';

describe('encrypted-assertion', () => {
  it('says nothing about a plain assertion', () => {
    expect(check(encryptedAssertion)).toEqual([]);
  });

  it('notes an encrypted assertion', () => {
    const results = check(encryptedAssertion, {
      saml: { encryptedAssertion: true, attributes: [] },
    });
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain('cannot be read without');
    expect(encryptedAssertion.severity).toBe('info');
  });
});
