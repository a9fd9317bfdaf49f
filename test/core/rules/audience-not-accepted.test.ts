import { describe, expect, it } from 'vitest';
import { audienceNotAccepted } from '../../../src/core/rules/audience-not-accepted.ts';
import { check, identityCenterContext, rolePair } from './fixtures.ts';

const GOV_ENDPOINT = 'https://signin.amazonaws-us-gov.com/saml';

describe('audience-not-accepted', () => {
  it('passes the accepted audiences of the partition', () => {
    expect(check(audienceNotAccepted)).toEqual([]);
    expect(
      check(audienceNotAccepted, { saml: { audiences: ['https://signin.aws.amazon.com/saml'] } }),
    ).toEqual([]);
    const gov = {
      recipient: GOV_ENDPOINT,
      destination: GOV_ENDPOINT,
      audiences: ['urn:amazon:webservices:govcloud'],
    };
    expect(check(audienceNotAccepted, { saml: gov })).toEqual([]);
  });

  it('passes when one of several audiences is accepted', () => {
    const audiences = ['https://idp.example.com/other-sp', 'urn:amazon:webservices'];
    expect(check(audienceNotAccepted, { saml: { audiences } })).toEqual([]);
  });

  it('reports a wrong audience, quoting it and naming the partition source', () => {
    const results = check(audienceNotAccepted, { saml: { audiences: ['urn:amazon:aws'] } });
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toBe(
      'No Audience is accepted by AWS for partition "aws" (from Recipient "https://signin.aws.amazon.com/saml"): sent "urn:amazon:aws".',
    );
    expect(results[0]!.fix).toContain('urn:amazon:webservices');
  });

  it("reports the commercial audience sent to GovCloud's endpoint", () => {
    const saml = {
      recipient: GOV_ENDPOINT,
      destination: GOV_ENDPOINT,
      audiences: ['urn:amazon:webservices'],
    };
    const results = check(audienceNotAccepted, { saml });
    expect(results[0]!.message).toContain('partition "aws-us-gov"');
    expect(results[0]!.fix).toContain('urn:amazon:webservices:govcloud');
  });

  it('falls back to the role partition when the endpoints are not AWS', () => {
    const govRole = rolePair(
      'arn:aws-us-gov:iam::123456789012:role/Dev',
      'arn:aws-us-gov:iam::123456789012:saml-provider/IdP',
    );
    const results = check(audienceNotAccepted, {
      saml: { recipient: undefined, destination: undefined },
      aws: { roles: [govRole] },
    });
    expect(results[0]!.message).toContain('for partition "aws-us-gov" (from role ARN');
  });

  it('stays quiet for Identity Center and when there is no audience', () => {
    expect(audienceNotAccepted.check(identityCenterContext())).toEqual([]);
    expect(check(audienceNotAccepted, { saml: { audiences: [] } })).toEqual([]);
  });
});
