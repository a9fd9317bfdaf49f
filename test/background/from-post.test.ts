import { describe, expect, it } from 'vitest';
import { captureFromPost, idpUrlFrom } from '../../src/background/capture/from-post.ts';
import { inspectPostedForm as inspect } from '../../src/core/index.ts';
import { FIXTURE_EXPIRY, FIXTURE_NOW, samlResponseBase64 } from './fixtures.ts';

const deps = { inspect, now: () => FIXTURE_NOW };
const post = (
  url: string,
  body = { formData: { SAMLResponse: [samlResponseBase64({ roles: 4, accounts: 2 })] } },
) => ({
  tabId: 7,
  url,
  body,
  initiator: 'https://idp.example.com',
});

describe('captureFromPost', () => {
  it('decodes the assertion and records its expiry, endpoint and IdP', () => {
    const capture = captureFromPost(post('https://signin.aws.amazon.com/saml'), deps);
    expect(capture?.kind).toBe('decoded');
    if (capture?.kind !== 'decoded') return;
    expect(capture.inspection.aws.roles).toHaveLength(4);
    expect(capture.expiresAt).toBe(FIXTURE_EXPIRY);
    expect(capture.idpUrl).toBe('https://idp.example.com/');
    expect(capture.tabId).toBe(7);
  });

  it.each([
    'https://us-east-2.signin.aws.amazon.com/saml',
    'https://signin.amazonaws-us-gov.com/saml',
    'https://cn-north-1.signin.amazonaws.cn/saml',
  ])('captures regional and partition endpoint %s', (url) =>
    expect(captureFromPost(post(url), deps)?.kind).toBe('decoded'),
  );

  it('ignores URLs the filter pattern matched that are not SAML endpoints', () => {
    expect(captureFromPost(post('https://signin.aws.amazon.com/samlfoo'), deps)).toBeUndefined();
  });

  it('keeps the core error message when the body does not decode', () => {
    const capture = captureFromPost(
      post('https://signin.aws.amazon.com/saml', { formData: { SAMLResponse: ['%%%not base64'] } }),
      deps,
    );
    expect(capture?.kind).toBe('failed');
    if (capture?.kind === 'failed') expect(capture.error.message.length).toBeGreaterThan(5);
  });

  it('reports a POST without a SAMLResponse field', () => {
    const capture = captureFromPost(
      { tabId: 1, url: 'https://signin.aws.amazon.com/saml', body: {} },
      deps,
    );
    expect(capture).toMatchObject({ kind: 'failed', error: { code: 'form-field-missing' } });
  });

  it('turns an unexpected exception into a failed capture instead of throwing', () => {
    const throwing = {
      ...deps,
      inspect: () => {
        throw new TypeError('boom');
      },
    };
    expect(captureFromPost(post('https://signin.aws.amazon.com/saml'), throwing)).toMatchObject({
      kind: 'failed',
      error: { code: 'internal' },
    });
  });
});

describe('idpUrlFrom', () => {
  it('keeps web origins only', () => {
    expect(idpUrlFrom('https://idp.example.com/sso/post?x=1')).toBe('https://idp.example.com/');
    expect(idpUrlFrom('chrome-extension://abc')).toBeUndefined();
    expect(idpUrlFrom('not a url')).toBeUndefined();
    expect(idpUrlFrom(undefined)).toBeUndefined();
  });
});
