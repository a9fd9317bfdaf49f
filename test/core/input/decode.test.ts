import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../../src/core/input/decode.ts';
import { decodePostedForm } from '../../../src/core/input/posted-form.ts';
import { SamlInputError } from '../../../src/core/errors.ts';
import { inspect, toJsonReport } from '../../../src/core/inspect.ts';
import { buildSamlResponse, toBase64 } from '../../support/saml-fixture.ts';

const xml = buildSamlResponse();
const b64 = toBase64(xml);

function errorOf(input: string): SamlInputError {
  try {
    decodeInput(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SamlInputError);
    return error as SamlInputError;
  }
  throw new Error('expected decodeInput to throw');
}

describe('decodeInput detects every input form', () => {
  it('plain base64', () => {
    const decoded = decodeInput(b64);
    expect(decoded).toMatchObject({
      form: 'base64',
      xml,
      samlResponse: b64,
      base64Length: b64.length,
    });
  });

  it('base64 wrapped at 76 columns with CRLF and surrounding whitespace', () => {
    const wrapped = `\n  ${b64.replace(/(.{76})/g, '$1\r\n')}  \n`;
    expect(decodeInput(wrapped)).toMatchObject({ form: 'base64', xml, samlResponse: b64 });
  });

  it('base64 without padding', () => {
    const unpadded = toBase64(`${xml} `).replace(/=+$/, '');
    expect(toBase64(`${xml} `)).toMatch(/=$/);
    expect(decodeInput(unpadded).xml).toBe(`${xml} `);
  });

  it('base64url is accepted and re-encoded as standard base64 for the POST', () => {
    const url = b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const decoded = decodeInput(url);
    expect(decoded.xml).toBe(xml);
    expect(decoded.samlResponse).toBe(b64);
  });

  it('a URL-encoded value', () => {
    expect(decodeInput(encodeURIComponent(b64))).toMatchObject({ form: 'url-encoded', xml });
  });

  it('a whole form body with RelayState, in any field order', () => {
    const body = `RelayState=${encodeURIComponent('https://console.aws.amazon.com/?a=1&b=2')}&SAMLResponse=${encodeURIComponent(b64)}`;
    expect(decodeInput(body)).toMatchObject({
      form: 'form-body',
      xml,
      relayState: 'https://console.aws.amazon.com/?a=1&b=2',
    });
  });

  it("a form body whose base64 '+' was pasted unencoded", () => {
    expect(b64).toContain('+');
    expect(decodeInput(`SAMLResponse=${b64}`).xml).toBe(xml);
  });

  it("AWS's role-selection re-POST carries roleIndex", () => {
    const body = `SAMLResponse=${encodeURIComponent(b64)}&roleIndex=${encodeURIComponent('arn:aws:iam::123456789012:role/Admin')}`;
    expect(decodeInput(body).roleIndex).toBe('arn:aws:iam::123456789012:role/Admin');
  });

  it('an IdP auto-POST HTML page, attributes in any order and quoting', () => {
    const html = `<!DOCTYPE html><html><body onload="document.forms[0].submit()"><form method="post" action="https://signin.aws.amazon.com/saml">
      <input value='${b64}' type=hidden name="SAMLResponse" />
      <INPUT TYPE="hidden" NAME="RelayState" VALUE="a&amp;b"></form></body></html>`;
    expect(decodeInput(html)).toMatchObject({ form: 'html-form', xml, relayState: 'a&b' });
  });

  it("AWS's role-selection page: only the checked roleIndex radio counts", () => {
    const html = `<form id="saml_form" action="/saml" method="post"><input type="hidden" name="SAMLResponse" value="${b64}">
      <input type="radio" name="roleIndex" value="arn:aws:iam::1:role/A"><input type="radio" name="roleIndex" value="arn:aws:iam::1:role/B" checked></form>`;
    expect(decodeInput(html).roleIndex).toBe('arn:aws:iam::1:role/B');
  });

  it('a base64 value with character references, as in an HTML attribute', () => {
    const html = `<form><input name="SAMLResponse" value="${b64.replace(/\+/g, '&#x2B;').replace(/=/g, '&#61;')}"></form>`;
    expect(decodeInput(html).xml).toBe(xml);
  });

  it('HTTP-Redirect: raw deflate + base64, from a URL query', () => {
    const deflated = deflateRawSync(Buffer.from(xml)).toString('base64');
    const url = `https://sp.example.com/acs?SAMLResponse=${encodeURIComponent(deflated)}&RelayState=x&SigAlg=y`;
    const decoded = decodeInput(url);
    expect(decoded).toMatchObject({ form: 'redirect', xml, relayState: 'x' });
    expect(decoded.samlResponse).toBe(b64);
  });

  it('raw XML, with and without a declaration', () => {
    expect(decodeInput(xml)).toMatchObject({ form: 'xml', xml, samlResponse: b64 });
    expect(decodeInput(xml.replace(/^<\?xml[^>]*\?>/, '')).form).toBe('xml');
  });

  it('a SOAP/ECP envelope around a Response', () => {
    const soap = `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Header/><S:Body>${xml.replace(/^<\?xml[^>]*\?>/, '')}</S:Body></S:Envelope>`;
    expect(decodeInput(soap).form).toBe('soap');
  });

  it('a bare Assertion', () => {
    expect(decodeInput(buildSamlResponse({ bareAssertion: true })).form).toBe('assertion');
  });

  it('a UTF-8 BOM before the XML', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)]).toString(
      'base64',
    );
    expect(decodeInput(bom).xml).toBe(xml);
  });
});

describe('decodeInput refuses bad input with a typed, located error', () => {
  it.each([
    ['', 'empty'],
    ['   \n ', 'empty'],
    ['SAMLResponse=', 'empty'],
    ['RelayState=x', 'not-base64'],
    ['not base64 at all!', 'not-base64'],
    ['QUJD$EFG', 'not-base64'],
    ['A', 'not-base64'],
    [toBase64('hello world, not xml'), 'inflate-failed'],
    [toBase64('<html><p>hi</p></html>'), 'no-saml-message'],
    ['<foo/>', 'no-saml-message'],
    ['<!-- unterminated', 'not-xml'],
    ['SAMLRequest=abc', 'form-field-missing'],
    ['<form><input name="RelayState" value="x"></form>', 'form-field-missing'],
    [Buffer.from([0x3c, 0xff, 0xfe]).toString('base64'), 'not-utf8'],
    ['SAMLResponse=%zz', 'not-base64'],
  ])('%j -> %s', (input, code) => {
    expect(errorOf(input).code).toBe(code);
  });

  it('says where a bad base64 character is', () => {
    expect(errorOf('QUJD$EFG').message).toContain('position 5');
  });

  it('refuses DOCTYPE and entity declarations (no XXE, no entity bombs)', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">&b;</samlp:Response>`;
    expect(errorOf(bomb).code).toBe('doctype-forbidden');
    expect(errorOf(toBase64(bomb)).code).toBe('doctype-forbidden');
    const xxe = `<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Response>&x;</Response>`;
    expect(errorOf(xxe).code).toBe('doctype-forbidden');
  });

  it('bounds inflated size (a deflate bomb stops early)', () => {
    const bomb = deflateRawSync(
      Buffer.from(`<Response>${' '.repeat(3_000_000)}</Response>`),
    ).toString('base64');
    expect(errorOf(bomb).code).toBe('too-large');
  });

  it('bounds decoded size', () => {
    expect(errorOf(toBase64(`<Response>${'a'.repeat(1_100_000)}</Response>`)).code).toBe(
      'too-large',
    );
  });

  it('bounds raw input size', () => {
    expect(errorOf('A'.repeat(5 * 1024 * 1024)).code).toBe('too-large');
  });
});

describe('decodeInput reads what users copy from their tools', () => {
  it("its own JSON report with the raw SAMLResponse (the popup's Copy JSON, inspect --json --raw)", () => {
    const report = toJsonReport(inspect(b64), { includeRaw: true });
    expect(decodeInput(JSON.stringify(report, null, 2))).toMatchObject({ form: 'json', xml });
  });

  it('a whole HTTP request copied from devtools', () => {
    const request = `POST /saml HTTP/1.1\r\nHost: signin.aws.amazon.com\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nRelayState=x&SAMLResponse=${encodeURIComponent(b64)}`;
    expect(decodeInput(request)).toMatchObject({ form: 'http-request', xml, relayState: 'x' });
  });

  it('a curl command with --data-raw', () => {
    const curl = `curl 'https://signin.aws.amazon.com/saml' -H 'content-type: application/x-www-form-urlencoded' --data-raw 'SAMLResponse=${encodeURIComponent(b64)}&RelayState=' --compressed`;
    expect(decodeInput(curl)).toMatchObject({ form: 'http-request', xml });
  });

  it('a HAR file, with the value as a param or as postData text', () => {
    const entry = (postData: object) =>
      JSON.stringify({
        log: {
          entries: [
            { request: { method: 'POST', url: 'https://signin.aws.amazon.com/saml', postData } },
          ],
        },
      });
    const params = entry({
      mimeType: 'application/x-www-form-urlencoded',
      params: [
        { name: 'SAMLResponse', value: encodeURIComponent(b64) },
        { name: 'RelayState', value: 'r' },
      ],
    });
    expect(decodeInput(params)).toMatchObject({ form: 'json', xml, relayState: 'r' });
    const text = entry({
      mimeType: 'application/x-www-form-urlencoded',
      text: `SAMLResponse=${encodeURIComponent(b64)}`,
    });
    expect(decodeInput(text)).toMatchObject({ form: 'json', xml });
  });

  it('JSON with a SAMLResponse key, slashes escaped as JSON allows', () => {
    expect(decodeInput(JSON.stringify({ SAMLResponse: b64 }).replace(/\//g, '\\/'))).toMatchObject({
      form: 'json',
      xml,
    });
  });

  it('JSON without the field says so', () => {
    expect(errorOf('{"a": 1}').code).toBe('form-field-missing');
  });

  it('a value base64-encoded twice, re-encoded once for AWS', () => {
    const twice = Buffer.from(b64).toString('base64');
    expect(decodeInput(twice)).toMatchObject({ xml, samlResponse: b64 });
  });

  it('XML declared as ISO-8859-1', () => {
    const latin = buildSamlResponse({ sessionName: 'José' }).replace(
      'encoding="UTF-8"',
      'encoding="ISO-8859-1"',
    );
    const decoded = decodeInput(Buffer.from(latin, 'latin1').toString('base64'));
    expect(decoded.xml).toContain('José');
  });

  it('UTF-16 with a byte order mark, either endianness', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    expect(decodeInput(le.toString('base64')).xml).toBe(xml);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeInput(be.toString('base64')).xml).toBe(xml);
  });

  it('an unknown declared encoding is a clear error', () => {
    const odd = xml.replace('encoding="UTF-8"', 'encoding="x-klingon"');
    expect(errorOf(toBase64(odd)).message).toContain('x-klingon');
  });
});

describe('decodePostedForm: a captured POST, fields known', () => {
  it('decodes the value and keeps RelayState and roleIndex', () => {
    const decoded = decodePostedForm({
      SAMLResponse: `\n${b64}\n`,
      RelayState: 'r',
      roleIndex: 'arn:aws:iam::1:role/A',
    });
    expect(decoded).toMatchObject({
      form: 'form-body',
      xml,
      samlResponse: b64,
      relayState: 'r',
      roleIndex: 'arn:aws:iam::1:role/A',
    });
  });

  it('refuses what the POST binding never carries: deflated values, garbage, an empty field', () => {
    const deflated = deflateRawSync(Buffer.from(xml)).toString('base64');
    expect(() => decodePostedForm({ SAMLResponse: deflated })).toThrow(
      expect.objectContaining({ code: 'not-xml' }),
    );
    expect(() => decodePostedForm({ SAMLResponse: 'not base64!' })).toThrow(
      expect.objectContaining({ code: 'not-base64' }),
    );
    expect(() => decodePostedForm({ SAMLResponse: ' ' })).toThrow(
      expect.objectContaining({ code: 'empty' }),
    );
  });
});
