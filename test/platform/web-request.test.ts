import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The polyfill throws outside an extension: replace it with the pieces these wrappers use.
const addListener = vi.fn();
const addHeadersListener = vi.fn();
vi.mock('webextension-polyfill', () => ({
  default: {
    webRequest: {
      onBeforeRequest: { addListener },
      onBeforeSendHeaders: { addListener: addHeadersListener },
    },
  },
}));

const { onSamlPost, onSamlPostReferer, toSamlPost } =
  await import('../../src/platform/web-request.ts');

describe('toSamlPost', () => {
  it('normalises Chrome details (initiator) with formData', () => {
    const post = toSamlPost({
      tabId: 4,
      url: 'https://signin.aws.amazon.com/saml',
      method: 'POST',
      requestBody: { formData: { SAMLResponse: ['abc'] } as never },
      initiator: 'https://idp.example.com',
    });
    expect(post).toEqual({
      tabId: 4,
      url: 'https://signin.aws.amazon.com/saml',
      body: { formData: { SAMLResponse: ['abc'] } },
      initiator: 'https://idp.example.com',
    });
  });

  it('copies raw bytes and takes Firefox originUrl', () => {
    const bytes = new TextEncoder().encode('SAMLResponse=abc').buffer;
    const post = toSamlPost({
      tabId: 1,
      url: 'u',
      method: 'POST',
      requestBody: { raw: [{ bytes }, { file: '/tmp/x' }] },
      originUrl: 'https://idp/x',
    });
    expect(post?.body.raw?.map((part) => new TextDecoder().decode(part))).toEqual([
      'SAMLResponse=abc',
    ]);
    expect(post?.initiator).toBe('https://idp/x');
  });

  it('ignores GETs and requests from no tab', () => {
    expect(toSamlPost({ tabId: 1, url: 'u', method: 'GET' })).toBeUndefined();
    expect(toSamlPost({ tabId: -1, url: 'u', method: 'POST' })).toBeUndefined();
  });
});

describe('onSamlPost', () => {
  beforeEach(() => addListener.mockClear());

  it('registers for top-level requests with bodies and forwards only POSTs', () => {
    const seen: unknown[] = [];
    onSamlPost(['https://signin.aws.amazon.com/saml*'], (post) => seen.push(post));
    const [listener, filter, extra] = addListener.mock.calls[0]!;
    expect(filter).toEqual({
      urls: ['https://signin.aws.amazon.com/saml*'],
      types: ['main_frame'],
    });
    expect(extra).toEqual(['requestBody']);
    listener({ tabId: 2, url: 'https://signin.aws.amazon.com/saml', method: 'GET' });
    listener({
      tabId: 2,
      url: 'https://signin.aws.amazon.com/saml',
      method: 'POST',
      requestBody: { formData: { SAMLResponse: ['x'] } },
    });
    expect(seen).toHaveLength(1);
  });
});

describe('onSamlPostReferer', () => {
  beforeEach(() => addHeadersListener.mockClear());
  afterEach(() => vi.unstubAllEnvs());

  const registeredOptions = (): unknown => {
    onSamlPostReferer(['https://signin.aws.amazon.com/saml*'], () => undefined);
    return addHeadersListener.mock.calls[0]![2];
  };

  // The build says which browser it is for (vite.config.ts, TARGET); the user agent is not asked.
  it('asks a Chrome build for extraHeaders, without which Chrome hides the Referer', () => {
    vi.stubEnv('TARGET', 'chrome');
    expect(registeredOptions()).toEqual(['requestHeaders', 'extraHeaders']);
  });

  it('does not pass extraHeaders to a Firefox build, which does not know the flag', () => {
    vi.stubEnv('TARGET', 'firefox');
    expect(registeredOptions()).toEqual(['requestHeaders']);
  });

  it('reports the Referer of POSTs from a tab only', () => {
    const seen: [number, string][] = [];
    onSamlPostReferer(['https://signin.aws.amazon.com/saml*'], (tabId, referer) =>
      seen.push([tabId, referer]),
    );
    const [listener] = addHeadersListener.mock.calls[0]!;
    const headers = [{ name: 'Referer', value: 'https://idp.example.com/sso' }];
    listener({ tabId: 2, method: 'GET', requestHeaders: headers });
    listener({ tabId: -1, method: 'POST', requestHeaders: headers });
    listener({ tabId: 3, method: 'POST', requestHeaders: headers });
    expect(seen).toEqual([[3, 'https://idp.example.com/sso']]);
  });
});
