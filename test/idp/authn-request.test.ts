import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeAuthnRequest } from '../../src/idp/saml/authn-request.ts';

const request = (issuer: Buffer) =>
  Buffer.concat([
    Buffer.from(
      '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0"><saml:Issuer>',
    ),
    issuer,
    Buffer.from('</saml:Issuer></samlp:AuthnRequest>'),
  ]);

describe('decodeAuthnRequest', () => {
  it('reads both bindings', () => {
    const xml = request(Buffer.from('urn:sp'));
    expect(decodeAuthnRequest(xml.toString('base64'), 'post')).toEqual({
      id: '_r1',
      issuer: 'urn:sp',
    });
    expect(decodeAuthnRequest(deflateRawSync(xml).toString('base64'), 'redirect')).toEqual({
      id: '_r1',
      issuer: 'urn:sp',
    });
  });

  it('refuses invalid UTF-8 in either binding rather than reading U+FFFD', () => {
    const xml = request(Buffer.from([0x75, 0x72, 0x6e, 0x3a, 0xff]));
    expect(() => decodeAuthnRequest(xml.toString('base64'), 'post')).toThrow(
      'the SAMLRequest is not valid UTF-8 text',
    );
    expect(() => decodeAuthnRequest(deflateRawSync(xml).toString('base64'), 'redirect')).toThrow(
      'the SAMLRequest is not valid UTF-8 text',
    );
  });

  it('refuses base64 of an impossible length instead of dropping the last character', () => {
    let xml = request(Buffer.from('urn:sp'));
    xml = Buffer.concat([xml, Buffer.alloc((3 - (xml.length % 3)) % 3, ' ')]);
    const unpadded = xml.toString('base64');
    expect(decodeAuthnRequest(unpadded, 'post').issuer).toBe('urn:sp');
    expect(() => decodeAuthnRequest(`${unpadded}A`, 'post')).toThrow(
      `SAMLRequest: base64 value has an impossible length (${unpadded.length + 1} characters)`,
    );
  });

  it('says where a character is not base64', () => {
    expect(() => decodeAuthnRequest('PHNhbWxw$AAA', 'post')).toThrow(
      'SAMLRequest: character "$" at position 9 is not base64',
    );
  });
});
