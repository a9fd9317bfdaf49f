import { describe, expect, it } from 'vitest';
import { inspect } from '../../../src/core/index.ts';
import { sessionFacts } from '../../../src/core/report/facts.ts';
import { FIXTURE_NOW, samlResponseBase64 } from '../../background/fixtures.ts';

describe('sessionFacts', () => {
  it('lists NameID, issuer, audience, Recipient, conditions and signature presence', () => {
    const facts = Object.fromEntries(
      sessionFacts(inspect(samlResponseBase64(), { now: new Date(FIXTURE_NOW) })),
    );
    expect(facts).toMatchObject({
      Issuer: 'https://idp.example.com/',
      NameID: 'alice@example.com',
      Audience: 'https://signin.aws.amazon.com/saml',
      Recipient: 'https://signin.aws.amazon.com/saml',
      NotBefore: '2029-12-31T23:59:00Z',
      NotOnOrAfter: '2030-01-01T00:05:00Z',
      Signature: 'signed: assertion (rsa-sha256)',
    });
  });

  it('says when nothing is signed', () => {
    const facts = Object.fromEntries(
      sessionFacts(inspect(samlResponseBase64({ signed: false }), { now: new Date(FIXTURE_NOW) })),
    );
    expect(facts.Signature).toBe('none');
  });
});
