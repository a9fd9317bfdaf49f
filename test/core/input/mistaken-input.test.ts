import { describe, expect, it } from 'vitest';
import { SamlInputError } from '../../../src/core/errors.ts';
import { decodeInput } from '../../../src/core/input/decode.ts';
import { inspect } from '../../../src/core/inspect/inspect.ts';
import { inspectPostedForm } from '../../../src/core/inspect/inspect-posted-form.ts';
import { normalResponse } from '../../support/hostile-inputs.ts';
import { buildSamlResponse, toBase64 } from '../../support/saml-fixture.ts';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const SIGNATURE = 'c2lnbmF0dXJlLWJ5dGVzLXRoYXQtbXVzdC1uZXZlci1iZS1wcmludGVk';
const jwt = (header: unknown, payload: unknown) =>
  `${base64url(header)}.${base64url(payload)}.${SIGNATURE}`;

const ISSUER = 'https://login.example.com/tenant';
const ID_TOKEN = jwt(
  { alg: 'RS256', kid: 'k1', typ: 'JWT' },
  {
    iss: ISSUER,
    aud: 'client-1234',
    sub: 'secret-subject-5678',
    nonce: 'n-0S6_WzA2Mj',
    email: 'alice@example.com',
    exp: 1_900_000_000,
  },
);

function errorOf(work: () => unknown): SamlInputError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(SamlInputError);
    return error as SamlInputError;
  }
  throw new Error('expected a SamlInputError');
}

describe('a JWT pasted instead of a SAML response', () => {
  it('an OIDC id_token is named, with its issuer and where the SAMLResponse is instead', () => {
    const error = errorOf(() => decodeInput(ID_TOKEN));
    expect(error.code).toBe('jwt');
    expect(error.message).toContain(
      `this is a JWT (an OIDC id_token from ${ISSUER}), not a SAML response`,
    );
    expect(error.message).toContain('SAMLResponse');
    expect(error.message).toContain('https://signin.aws.amazon.com/saml');
    expect(error.message).toMatch(/network tab/);
  });

  it('never repeats the signature or the payload', () => {
    const { message } = errorOf(() => decodeInput(ID_TOKEN));
    for (const secret of [SIGNATURE, 'secret-subject-5678', 'n-0S6_WzA2Mj', 'alice@example.com'])
      expect(message).not.toContain(secret);
    expect(message).not.toContain(ID_TOKEN.split('.')[1]!);
  });

  it('a JWT that is no id_token is a JWT from its issuer; one without an issuer is a JWT', () => {
    const access = jwt({ alg: 'ES256', typ: 'at+jwt' }, { iss: ISSUER, sub: 'x', scope: 'openid' });
    expect(errorOf(() => decodeInput(access)).message).toContain(
      `this is a JWT (from ${ISSUER}), not a SAML response`,
    );
    const bare = jwt({ alg: 'HS256' }, { hello: 'world' });
    expect(errorOf(() => decodeInput(bare)).message).toContain(
      'this is a JWT, not a SAML response',
    );
  });

  it('is recognised behind "Bearer", and as an id_token form field (a copied redirect URL)', () => {
    expect(errorOf(() => decodeInput(`Bearer ${ID_TOKEN}`)).code).toBe('jwt');
    expect(
      errorOf(() => decodeInput(`https://app.example.com/cb#id_token=${ID_TOKEN}&state=abc`))
        .message,
    ).toContain(`an OIDC id_token from ${ISSUER}`);
  });

  it('an issuer with control characters or great length is not echoed raw', () => {
    const hostile = jwt({ alg: 'RS256' }, { iss: `evil\u001b[31m${'x'.repeat(5000)}`, sub: 'a' });
    const { message } = errorOf(() => decodeInput(hostile));
    expect(message).not.toContain('\u001b');
    expect(message.length).toBeLessThan(1000);
  });

  it('three dotted parts whose header is not a JWT header stay a base64 problem', () => {
    const notJwt = `${Buffer.from('hello').toString('base64url')}.abc.def`;
    expect(errorOf(() => decodeInput(notJwt)).code).toBe('not-base64');
  });
});

describe('a truncated paste', () => {
  const xml = buildSamlResponse();
  const full = toBase64(xml);

  it('cut where the base64 length is a whole number of groups: says it looks cut off, keeps the position', () => {
    const cut = full.slice(0, Math.floor((full.length * 0.6) / 4) * 4);
    const error = errorOf(() => inspect(cut));
    expect(error.code).toBe('truncated');
    expect(error.message).toMatch(/looks cut off/);
    expect(error.message).toMatch(/the document ends (before|inside) .* at line 1, column \d+/);
    expect(error.message).toContain(`${(cut.length / 4) * 3} bytes`);
    expect(error.message).toContain(`${cut.length} base64 characters`);
    expect(error.message).toMatch(/terminal/);
    expect(error.message).toMatch(/Copy value/);
    expect(error.message).toMatch(/clipboard manager/);
  });

  it('cut leaving one character of a last group: says it looks cut off, not "impossible length"', () => {
    let cut = full.slice(0, Math.floor((full.length * 0.6) / 4) * 4 + 1);
    const error = errorOf(() => inspect(cut));
    expect(error.code).toBe('truncated');
    expect(error.message).toMatch(/looks cut off: .* incomplete last group/);
    expect(error.message).toContain(`${cut.length} base64 characters`);
    cut = full.slice(0, Math.floor((full.length * 0.6) / 4) * 4 + 2);
    expect(errorOf(() => inspect(cut)).message).toMatch(
      /looks cut off.*base64 characters, not a multiple of 4/,
    );
  });

  it('cut inside a start tag or an attribute value is a cut too', () => {
    const inTag = xml.indexOf(':Attribute ') + 4;
    expect(inTag).toBeGreaterThan(4);
    for (const end of [inTag, xml.indexOf('"', inTag) + 3]) {
      const error = errorOf(() => inspect(toBase64(xml.slice(0, end))));
      expect(error.code).toBe('truncated');
      expect(error.message).toMatch(/looks cut off/);
    }
  });

  it('raw XML cut off says so, without base64 figures', () => {
    const error = errorOf(() => inspect(xml.slice(0, xml.length - 40)));
    expect(error.code).toBe('truncated');
    expect(error.message).toMatch(/looks cut off/);
    expect(error.message).not.toMatch(/base64 characters/);
  });

  it('the document that ends before a closing tag is named with its position', () => {
    const error = errorOf(() => inspect(toBase64(xml.slice(0, xml.lastIndexOf('</')))));
    expect(error.message).toMatch(
      /looks cut off: the document ends before <\/samlp:Response> at line 1, column \d+/,
    );
  });

  it("a browser's POST (the extension's capture) was not copied: no advice about copies", () => {
    const cut = toBase64(xml.slice(0, xml.lastIndexOf('</')));
    const error = errorOf(() => inspectPostedForm({ SAMLResponse: cut }));
    expect(error.code).toBe('truncated');
    expect(error.message).not.toMatch(/Copies|cut off/);
  });

  it('a complete but malformed document is not called cut off', () => {
    const error = errorOf(() => inspect(xml.replace('</saml2:Issuer>', '</saml2:Issuerx>')));
    expect(error.code).toBe('not-xml');
    expect(error.message).not.toMatch(/cut off/);
  });
});

describe('the new recognisers stay linear on hostile text', () => {
  const timed = (input: string) => {
    const start = performance.now();
    expect(() => decodeInput(input)).toThrow(SamlInputError);
    return performance.now() - start;
  };

  it('a near-limit token-shaped paste, and many id_token= runs, are refused in milliseconds', () => {
    const longJwt = `${base64url({ alg: 'none' })}.${'A'.repeat(2_000_000)}.`;
    expect(timed(longJwt)).toBeLessThan(2000);
    const manyNames = `x ${'id_token='.padEnd(40, 'a').repeat(50_000)}`;
    expect(timed(manyNames)).toBeLessThan(2000);
    const manyRuns = `x ${'id_token=aaaa.'.repeat(100_000)}`;
    expect(timed(manyRuns)).toBeLessThan(2000);
  });

  it('a truncated near-limit paste is measured in one pass', () => {
    const big = normalResponse().input;
    const start = performance.now();
    expect(errorOf(() => inspect(big.slice(0, big.length - 400))).code).toBe('truncated');
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
