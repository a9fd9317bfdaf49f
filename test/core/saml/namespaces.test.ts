import { describe, expect, it } from 'vitest';
import { inspect } from '../../../src/core/index.ts';
import { parseSamlXml } from '../../../src/core/saml/parse.ts';
import { SamlInputError } from '../../../src/core/errors.ts';
import { buildSamlResponse, toBase64 } from '../../support/saml-fixture.ts';

const NOW = new Date('2026-01-01T00:30:00Z');
const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion';

function codes(xml: string): string[] {
  return inspect(toBase64(xml), { now: NOW }).findings.map((finding) => finding.code);
}

function namespaceFindings(xml: string) {
  return inspect(toBase64(xml), { now: NOW }).findings.filter(
    (finding) => finding.code === 'xml-namespace-invalid',
  );
}

describe('SAML read by namespace, as AWS reads it', () => {
  it('a valid response has no namespace finding', () => {
    for (const prefix of ['saml2', 'saml', 'a', '']) {
      expect(codes(buildSamlResponse({ prefix }))).not.toContain('xml-namespace-invalid');
      expect(parseSamlXml(buildSamlResponse({ prefix })).namespaceProblems).toEqual([]);
    }
  });

  it('an empty Signature in a foreign namespace does not count as a signature', () => {
    const xml = buildSamlResponse({ signature: 'none' }).replace(
      '<samlp:Status>',
      '<evil:Signature xmlns:evil="urn:not-dsig"/><samlp:Status>',
    );
    expect(parseSamlXml(xml).signatures).toEqual([]);
    const found = codes(xml);
    expect(found).toContain('signature-missing');
    expect(found).toContain('xml-namespace-invalid');
  });

  it('a Signature with no namespace does not count as a signature either', () => {
    const xml = buildSamlResponse({ signature: 'none' }).replace(
      '<samlp:Status>',
      '<Signature/><samlp:Status>',
    );
    expect(parseSamlXml(xml).signatures).toEqual([]);
    expect(codes(xml)).toContain('signature-missing');
  });

  it('an Assertion in a foreign namespace is not read as SAML', () => {
    const xml = buildSamlResponse().replace(
      `<saml2:Assertion xmlns:saml2="${ASSERTION}"`,
      '<saml2:Assertion xmlns:saml2="urn:not-saml"',
    );
    const saml = parseSamlXml(xml);
    expect(saml.assertionId).toBeUndefined();
    expect(saml.attributes).toEqual([]);
    expect(saml.signatures.map((s) => s.on)).toEqual(['response']);
    const found = namespaceFindings(xml);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message).toContain('urn:not-saml');
    expect(codes(xml)).toContain('role-missing');
  });

  it('an empty EncryptedAssertion without XML-Enc EncryptedData hides nothing', () => {
    const xml = buildSamlResponse({ signature: 'none' }).replace(
      '<samlp:Status>',
      `<saml:EncryptedAssertion xmlns:saml="${ASSERTION}"><EncryptedData/></saml:EncryptedAssertion><samlp:Status>`,
    );
    expect(parseSamlXml(xml).encryptedAssertion).toBe(false);
    expect(codes(xml)).toContain('signature-missing');
  });

  it('an undeclared saml2 prefix is an error, and what can be read is still shown', () => {
    // The Issuer and Assertion declare saml2; removing those declarations leaves it undeclared.
    const xml = buildSamlResponse().replaceAll(` xmlns:saml2="${ASSERTION}"`, '');
    const inspection = inspect(toBase64(xml), { now: NOW });
    const found = inspection.findings.filter((f) => f.code === 'xml-namespace-invalid');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message).toMatch(/saml2/);
    expect(found[0]!.message).toMatch(/AWS/);
    expect(found[0]!.fix).toContain(ASSERTION);
    expect(inspection.aws.roles).toHaveLength(1);
    expect(inspection.saml.issuer).toBe('https://idp.example.com/metadata');
  });

  it('SAML elements in no namespace are an error, and what can be read is still shown', () => {
    const xml = buildSamlResponse({ prefix: '' })
      .replaceAll(` xmlns="${ASSERTION}"`, '')
      .replaceAll(` xmlns:samlp="${PROTOCOL}"`, '')
      .replaceAll('samlp:', '');
    const inspection = inspect(toBase64(xml), { now: NOW });
    const found = inspection.findings.filter((f) => f.code === 'xml-namespace-invalid');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/no namespace/);
    expect(inspection.aws.roles).toHaveLength(1);
    expect(inspection.saml.assertionId).toBe('_a1');
  });

  it('a Response in a foreign namespace is refused with the reason', () => {
    const xml = buildSamlResponse().replace(`xmlns:samlp="${PROTOCOL}"`, 'xmlns:samlp="urn:x"');
    expect(() => parseSamlXml(xml)).toThrow(SamlInputError);
    expect(() => parseSamlXml(xml)).toThrow(/urn:x/);
  });

  it('reads a SOAP 1.1 envelope by namespace, and refuses a foreign one', () => {
    const inner = buildSamlResponse().replace(/^<\?xml[^>]*\?>/, '');
    const soap = (ns: string) =>
      `<soap:Envelope xmlns:soap="${ns}"><soap:Body>${inner}</soap:Body></soap:Envelope>`;
    expect(parseSamlXml(soap('http://schemas.xmlsoap.org/soap/envelope/')).attributes).not.toEqual(
      [],
    );
    expect(() => parseSamlXml(soap('urn:not-soap'))).toThrow(SamlInputError);
  });

  it('reports many distinct problems in bounded space', () => {
    const attributes = Array.from(
      { length: 5000 },
      (_, i) =>
        `<x${i}:Attribute xmlns:x${i}="urn:n${i}" Name="n"><x${i}:AttributeValue>v</x${i}:AttributeValue></x${i}:Attribute>`,
    ).join('');
    const xml = buildSamlResponse().replace(
      '</saml2:AttributeStatement>',
      `${attributes}</saml2:AttributeStatement>`,
    );
    const saml = parseSamlXml(xml);
    expect(saml.namespaceProblems.length).toBeLessThanOrEqual(11);
    expect(saml.namespaceProblems.at(-1)).toMatch(/more/);
    expect(saml.attributes.every((a) => a.name !== 'n')).toBe(true);
  });
});
