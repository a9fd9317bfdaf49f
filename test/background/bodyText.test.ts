import { describe, expect, it } from 'vitest';
import { requestBodyText } from '../../src/background/capture/bodyText.ts';
import { decodeInput } from '../../src/core/index.ts';
import { samlResponseBase64 } from './fixtures.ts';

describe('requestBodyText', () => {
  const saml = samlResponseBase64();

  it('rebuilds a form body from formData, escaping base64 + / =', () => {
    const text = requestBodyText({
      formData: { SAMLResponse: [saml], RelayState: ['https://console/?a=1&b=2'] },
    });
    expect(text).toMatch(
      /^SAMLResponse=[^&+/=]+&RelayState=https%3A%2F%2Fconsole%2F%3Fa%3D1%26b%3D2$/,
    );
    const decoded = decodeInput(text!);
    expect(decoded.samlResponse).toBe(saml);
    expect(decoded.relayState).toBe('https://console/?a=1&b=2');
  });

  it('keeps roleIndex so a role choice can be recognised', () => {
    const text = requestBodyText({
      formData: { SAMLResponse: [saml], roleIndex: ['arn:aws:iam::123456789012:role/R'] },
    });
    expect(decodeInput(text!).roleIndex).toBe('arn:aws:iam::123456789012:role/R');
  });

  it('decodes raw bytes split across parts when formData is missing', () => {
    const body = new TextEncoder().encode(`SAMLResponse=${encodeURIComponent(saml)}&RelayState=x`);
    const raw = [body.slice(0, 1000), body.slice(1000)];
    const text = requestBodyText({ raw });
    expect(decodeInput(text!).samlResponse).toBe(saml);
  });

  it('prefers formData and falls back to raw when formData lacks SAMLResponse', () => {
    const raw = [new TextEncoder().encode(`SAMLResponse=${encodeURIComponent(saml)}`)];
    expect(requestBodyText({ formData: { other: ['1'] }, raw })).toContain('SAMLResponse=');
  });

  it('returns undefined for an empty body', () => {
    expect(requestBodyText({})).toBeUndefined();
  });
});
