import { describe, expect, it } from 'vitest';
import { postedFormFrom } from '../../src/background/capture/posted-form.ts';
import { decodePostedForm } from '../../src/core/index.ts';
import { samlResponseBase64 } from './fixtures.ts';

describe('postedFormFrom', () => {
  const saml = samlResponseBase64();

  it('takes the fields from formData', () => {
    const form = postedFormFrom({
      formData: { SAMLResponse: [saml], RelayState: ['https://console/?a=1&b=2'], other: ['x'] },
    });
    expect(form).toEqual({ SAMLResponse: saml, RelayState: 'https://console/?a=1&b=2' });
    expect(decodePostedForm(form!).samlResponse).toBe(saml);
  });

  it('keeps roleIndex so a role choice can be recognised', () => {
    const form = postedFormFrom({
      formData: { SAMLResponse: [saml], roleIndex: ['arn:aws:iam::123456789012:role/R'] },
    });
    expect(form?.roleIndex).toBe('arn:aws:iam::123456789012:role/R');
  });

  it('reads raw bytes split across parts as a form body when formData is missing', () => {
    const body = new TextEncoder().encode(
      `SAMLResponse=${encodeURIComponent(saml)}&RelayState=a+b%26c`,
    );
    const form = postedFormFrom({ raw: [body.slice(0, 1000), body.slice(1000)] });
    expect(form).toEqual({ SAMLResponse: saml, RelayState: 'a b&c' });
    expect(decodePostedForm(form!).samlResponse).toBe(saml);
  });

  it('falls back to raw when formData lacks SAMLResponse', () => {
    const raw = [new TextEncoder().encode(`SAMLResponse=${encodeURIComponent(saml)}`)];
    expect(postedFormFrom({ formData: { other: ['1'] }, raw })?.SAMLResponse).toBe(saml);
  });

  it('returns undefined for an empty body or one without the field', () => {
    expect(postedFormFrom({})).toBeUndefined();
    expect(postedFormFrom({ raw: [new TextEncoder().encode('RelayState=x')] })).toBeUndefined();
  });
});
