import { describe, expect, it } from 'vitest';
import { recipientNotAws } from '../../../src/core/rules/recipient-not-aws.ts';
import { check, identityCenterContext } from './fixtures.ts';

describe('recipient-not-aws', () => {
  it('passes AWS endpoints, including regional, Identity Center and absent ones', () => {
    expect(check(recipientNotAws)).toEqual([]);
    const regional = 'https://eu-west-1.signin.aws.amazon.com/saml';
    expect(
      check(recipientNotAws, { saml: { recipient: regional, destination: undefined } }),
    ).toEqual([]);
    expect(recipientNotAws.check(identityCenterContext())).toEqual([]);
  });

  it('reports a Recipient that is not AWS, quoting it', () => {
    const results = check(recipientNotAws, { saml: { recipient: 'https://idp.example.com/acs' } });
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain(
      'SubjectConfirmationData Recipient "https://idp.example.com/acs"',
    );
  });

  it('reports a plain-http Destination', () => {
    const results = check(recipientNotAws, {
      saml: { destination: 'http://signin.aws.amazon.com/saml' },
    });
    expect(results[0]!.message).toContain(
      'Response Destination "http://signin.aws.amazon.com/saml"',
    );
  });
});
