import { describe, expect, it } from 'vitest';
import { assertionNotYetValid } from '../../../src/core/rules/assertion-not-yet-valid.ts';
import { check } from './fixtures.ts';

describe('assertion-not-yet-valid', () => {
  it('passes a NotBefore in the past or within the 5-minute skew', () => {
    expect(check(assertionNotYetValid)).toEqual([]);
    expect(check(assertionNotYetValid, { saml: { notBefore: '2025-01-15T12:05:00Z' } })).toEqual(
      [],
    );
    expect(check(assertionNotYetValid, { saml: { notBefore: undefined } })).toEqual([]);
  });

  it('reports a NotBefore beyond the skew', () => {
    const results = check(assertionNotYetValid, { saml: { notBefore: '2025-01-15T12:10:00Z' } });
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain(
      'Conditions NotBefore "2025-01-15T12:10:00Z" is 10 minutes in the future',
    );
  });
});
