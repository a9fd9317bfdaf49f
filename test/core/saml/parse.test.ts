import { describe, expect, it } from 'vitest';
import { parseSamlXml } from '../../../src/core/saml/parse.ts';
import { SamlInputError } from '../../../src/core/errors.ts';
import { buildSamlResponse } from '../../support/saml-fixture.ts';

describe('parseSamlXml', () => {
  it.each(['saml2', 'saml', 'a', ''])('reads every field with assertion prefix %j', (prefix) => {
    const saml = parseSamlXml(
      buildSamlResponse({
        prefix,
        issuer: 'https://idp.example.com/x?a=1&b=2',
        nameId: 'alice@example.com',
        extraAttributes: [
          { name: 'email', friendlyName: 'mail', values: ['a@example.com', ' b@example.com '] },
        ],
        signature: 'both',
      }),
    );
    expect(saml).toMatchObject({
      kind: 'response',
      responseId: '_r1',
      assertionId: '_a1',
      issuer: 'https://idp.example.com/x?a=1&b=2',
      destination: 'https://signin.aws.amazon.com/saml',
      recipient: 'https://signin.aws.amazon.com/saml',
      audiences: ['urn:amazon:webservices'],
      notBefore: '2026-01-01T00:00:00Z',
      notOnOrAfter: '2026-01-01T01:00:00Z',
      subjectNotOnOrAfter: '2026-01-01T01:00:00Z',
      status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Success' },
      nameId: {
        value: 'alice@example.com',
        format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      },
      encryptedAssertion: false,
    });
    expect(saml.signatures).toEqual([
      expect.objectContaining({
        on: 'response',
        referenceId: '_r1',
        elementId: '_r1',
        signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      }),
      expect.objectContaining({ on: 'assertion', referenceId: '_a1', elementId: '_a1' }),
    ]);
    const email = saml.attributes.find((a) => a.name === 'email');
    expect(email).toEqual({
      name: 'email',
      friendlyName: 'mail',
      nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
      values: ['a@example.com', ' b@example.com '],
    });
  });

  it('an unsigned response has no signatures', () => {
    expect(parseSamlXml(buildSamlResponse({ signature: 'none' })).signatures).toEqual([]);
  });

  it('reads a bare Assertion', () => {
    const saml = parseSamlXml(buildSamlResponse({ bareAssertion: true, signature: 'assertion' }));
    expect(saml.kind).toBe('assertion');
    expect(saml.issuer).toBe('https://idp.example.com/metadata');
    expect(saml.signatures.map((s) => s.on)).toEqual(['assertion']);
  });

  it('reads a Response inside a SOAP envelope', () => {
    const inner = buildSamlResponse().replace(/^<\?xml[^>]*\?>/, '');
    const saml = parseSamlXml(
      `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${inner}</soap:Body></soap:Envelope>`,
    );
    expect(saml.kind).toBe('response');
    expect(saml.attributes.length).toBeGreaterThan(0);
  });

  it('an empty SOAP body is a typed error', () => {
    const empty = () =>
      parseSamlXml(
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>',
      );
    expect(empty).toThrow(SamlInputError);
    expect(empty).toThrow(/no SAML Response or Assertion/);
  });

  it('reports an EncryptedAssertion and a non-success status', () => {
    const saml = parseSamlXml(
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="r"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:RequestDenied"/></samlp:StatusCode><samlp:StatusMessage>no &amp; never</samlp:StatusMessage></samlp:Status><saml:EncryptedAssertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"/></saml:EncryptedAssertion></samlp:Response>`,
    );
    expect(saml.encryptedAssertion).toBe(true);
    expect(saml.status).toEqual({
      code: 'urn:oasis:names:tc:SAML:2.0:status:Responder',
      subCode: 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied',
      message: 'no & never',
    });
  });

  it('decodes character references in values but never expands other entities', () => {
    const saml = parseSamlXml(
      buildSamlResponse({ extraAttributes: [{ name: 'x', values: ['a < b & "c"'] }] }).replace(
        'a &lt; b',
        'a &#60; b &foo;',
      ),
    );
    expect(saml.attributes.find((a) => a.name === 'x')?.values).toEqual(['a < b &foo; & "c"']);
  });

  it('refuses nesting deeper than the bound', () => {
    const deep = `<Response>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</Response>`;
    expect(() => parseSamlXml(deep)).toThrow(expect.objectContaining({ code: 'too-deep' }));
  });

  it('does not pollute prototypes from attribute or element names', () => {
    const saml = parseSamlXml(
      `<Response __proto__="x" constructor="y"><__proto__ polluted="yes"/><Assertion><AttributeStatement><Attribute Name="__proto__"><AttributeValue>v</AttributeValue></Attribute></AttributeStatement></Assertion></Response>`,
    );
    expect(saml.attributes).toEqual([{ name: '__proto__', values: ['v'] }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it.each([
    ['<Response><a></b></Response>', 'expected </a> but found </b'],
    ['<Response><a>', 'ends before </a>'],
    ['<Response></Response><Response/>', 'a second document element'],
    ['<Response a="1" a="2"/>', 'attribute a appears twice'],
    ['<Response a=1/>', 'malformed start tag'],
    ['<Response>\n  <a b="<"/></Response>', 'line 2, column 5'],
    ['<Response><![CDATA[x</Response>', 'unterminated CDATA'],
    ['<Response>< a/></Response>', 'not followed by an element name'],
    ['<Response/>trailing', 'text outside the document element'],
    ['<Response><!DOCTYPE x></Response>', 'DOCTYPE'],
  ])('refuses malformed XML %j with where it went wrong', (xml, message) => {
    expect(() => parseSamlXml(xml)).toThrow(
      expect.objectContaining({ message: expect.stringContaining(message) }),
    );
  });

  it('keeps CDATA text exactly as written', () => {
    const saml = parseSamlXml(
      '<Response><Assertion><AttributeStatement><Attribute Name="n"><AttributeValue><![CDATA[a &amp; <b>]]></AttributeValue></Attribute></AttributeStatement></Assertion></Response>',
    );
    expect(saml.attributes[0]?.values).toEqual(['a &amp; <b>']);
  });

  it('reads the text of an AttributeValue that holds an element', () => {
    const saml = parseSamlXml(
      '<Response><Assertion><AttributeStatement><Attribute Name="urn:oid:1.3.6.1.4.1.5923.1.1.1.10"><AttributeValue><NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">abc123</NameID></AttributeValue></Attribute></AttributeStatement></Assertion></Response>',
    );
    expect(saml.attributes[0]?.values).toEqual(['abc123']);
  });
});
