import { describe, expect, it } from 'vitest';
import { parseSamlXml } from '../../src/core/inspect.ts';
import { buildResponse, buildResponseXml } from '../../src/idp/saml/build-response.ts';

const HOSTILE = `a<b>&c"d'e`;

describe('buildResponse', () => {
  it('writes what the core reads back, every value escaped', () => {
    const { xml, responseId, assertionId } = buildResponse({
      issuer: `https://idp.example.com/${HOSTILE}`,
      acsUrl: 'https://signin.aws.amazon.com/saml',
      audience: 'urn:amazon:webservices',
      nameId: HOSTILE,
      nameIdFormat: 'emailAddress',
      attributes: [{ name: `n${HOSTILE}`, friendlyName: HOSTILE, values: [HOSTILE, 'two'] }],
      inResponseTo: `_req${HOSTILE}`,
      validSeconds: 300,
      now: new Date('2030-01-01T00:00:00.123Z'),
    });
    expect(responseId).not.toBe(assertionId);
    expect(parseSamlXml(xml)).toMatchObject({
      kind: 'response',
      responseId,
      assertionId,
      issuer: `https://idp.example.com/${HOSTILE}`,
      destination: 'https://signin.aws.amazon.com/saml',
      recipient: 'https://signin.aws.amazon.com/saml',
      inResponseTo: `_req${HOSTILE}`,
      status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Success' },
      nameId: { value: HOSTILE, format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' },
      audiences: ['urn:amazon:webservices'],
      issueInstant: '2030-01-01T00:00:00Z',
      notBefore: '2030-01-01T00:00:00Z',
      notOnOrAfter: '2030-01-01T00:05:00Z',
      attributes: [{ name: `n${HOSTILE}`, values: [HOSTILE, 'two'] }],
      namespaceProblems: [],
    });
  });

  it('gives each response fresh IDs', () => {
    const parts = {
      issuer: 'i',
      acsUrl: 'https://signin.aws.amazon.com/saml',
      audience: 'a',
      nameId: 'n',
      nameIdFormat: 'persistent' as const,
      attributes: [],
      validSeconds: 60,
      now: new Date(),
    };
    expect(buildResponse(parts).responseId).not.toBe(buildResponse(parts).responseId);
  });
});

describe('buildResponseXml', () => {
  const parts = {
    responseId: '_r',
    assertionId: '_a',
    issuer: 'urn:idp',
    destination: null,
    recipient: null,
    audience: null,
    nameId: 'n',
    nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
    issueInstant: '2030-01-01T00:00:00Z',
    notBefore: '2030-01-01T00:00:00Z',
    notOnOrAfter: '2030-01-01T00:05:00Z',
    attributes: [],
  };

  it('leaves out what is null, and an AttributeStatement with nothing in it', () => {
    const xml = buildResponseXml({ ...parts, prefix: '' });
    expect(xml).not.toMatch(/Destination=|Recipient=|AudienceRestriction|AttributeStatement/);
    expect(parseSamlXml(xml)).toMatchObject({ audiences: [], namespaceProblems: [] });
    expect(parseSamlXml(xml).destination).toBeUndefined();
    expect(parseSamlXml(xml).recipient).toBeUndefined();
  });

  it('puts signatures right after each Issuer and can write a bare Assertion', () => {
    const xml = buildResponseXml({
      ...parts,
      responseSignature: '<!--response signature-->',
      assertionSignature: '<!--assertion signature-->',
      xmlDeclaration: true,
    });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><samlp:Response /);
    expect(xml).toContain('urn:idp</saml:Issuer><!--response signature--><samlp:Status>');
    expect(xml).toContain('urn:idp</saml:Issuer><!--assertion signature--><saml:Subject>');
    const bare = buildResponseXml({ ...parts, bareAssertion: true, statusCode: 'urn:x' });
    expect(bare).toMatch(/^<saml:Assertion [^>]*>/);
    expect(parseSamlXml(bare).kind).toBe('assertion');
  });
});
