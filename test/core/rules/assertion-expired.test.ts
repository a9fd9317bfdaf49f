import { describe, expect, it } from 'vitest';
import { assertionExpired } from '../../../src/core/rules/assertion-expired.ts';
import { check } from './fixtures.ts';

describe('assertion-expired', () => {
  it('passes a current assertion, and one expired within the 5-minute skew', () => {
    expect(check(assertionExpired)).toEqual([]);
    expect(check(assertionExpired, { saml: { notOnOrAfter: '2025-01-15T11:55:00.001Z' } })).toEqual(
      [],
    );
  });

  it('reports Conditions NotOnOrAfter past the skew, saying by how much', () => {
    const results = check(assertionExpired, { saml: { notOnOrAfter: '2025-01-15T09:00:00Z' } });
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toBe(
      'Conditions NotOnOrAfter "2025-01-15T09:00:00Z" is 3 hours in the past (checked at 2025-01-15T12:00:00.000Z); AWS rejects an expired assertion.',
    );
  });

  it('reports SubjectConfirmationData NotOnOrAfter exactly at the skew boundary', () => {
    const results = check(assertionExpired, {
      saml: { subjectNotOnOrAfter: '2025-01-15T11:55:00Z' },
    });
    expect(results[0]!.message).toContain('SubjectConfirmationData NotOnOrAfter');
  });

  it('leaves unparseable values to timestamp-invalid', () => {
    expect(check(assertionExpired, { saml: { notOnOrAfter: 'yesterday' } })).toEqual([]);
  });
});
