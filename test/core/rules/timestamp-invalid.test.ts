import { describe, expect, it } from 'vitest';
import { timestampInvalid } from '../../../src/core/rules/timestamp-invalid.ts';
import { check } from './fixtures.ts';

describe('timestamp-invalid', () => {
  it('passes valid xs:dateTime values, with fractions or offsets', () => {
    expect(check(timestampInvalid)).toEqual([]);
    const saml = {
      issueInstant: '2025-01-15T12:00:00Z',
      notBefore: '2025-01-15T11:59:00.1234567Z',
      notOnOrAfter: '2025-01-15T13:05:00+01:00',
    };
    expect(check(timestampInvalid, { saml })).toEqual([]);
  });

  it('reports each unparseable value with its field', () => {
    const results = check(timestampInvalid, {
      saml: {
        notOnOrAfter: 'tomorrow',
        subjectNotOnOrAfter: '2025-02-30T00:00:00Z',
        issueInstant: '2025-01-15 12:00:00',
      },
    });
    expect(results.map((result) => result.message)).toEqual([
      'IssueInstant "2025-01-15 12:00:00" is not a valid SAML timestamp, so AWS cannot check it.',
      'Conditions NotOnOrAfter "tomorrow" is not a valid SAML timestamp, so AWS cannot check it.',
      'SubjectConfirmationData NotOnOrAfter "2025-02-30T00:00:00Z" is not a valid SAML timestamp, so AWS cannot check it.',
    ]);
  });

  it('reports a time without a zone and an impossible hour', () => {
    expect(check(timestampInvalid, { saml: { notBefore: '2025-01-15T12:00:00' } })).toHaveLength(1);
    expect(check(timestampInvalid, { saml: { notBefore: '2025-01-15T24:00:00Z' } })).toHaveLength(
      1,
    );
  });
});
