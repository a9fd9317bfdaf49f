import { describe, expect, it } from 'vitest';
import {
  buildConsoleLoginUrl,
  buildGetSigninTokenUrl,
  consoleSigninUrl,
  readSigninTokenResponse,
} from '../../../src/core/sts/federation.ts';
import type { FetchLike, StsCredentials } from '../../../src/core/sts/types.ts';

const CREDS: StsCredentials = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'se/cr+et=',
  sessionToken: 'tok/en+==',
  expiration: '2026-01-31T12:00:00Z',
};

describe('buildGetSigninTokenUrl', () => {
  it('puts the session JSON and duration on the partition federation endpoint', () => {
    const url = new URL(buildGetSigninTokenUrl('aws', CREDS, 3600));
    expect(`${url.origin}${url.pathname}`).toBe('https://signin.aws.amazon.com/federation');
    expect([...url.searchParams.keys()]).toEqual(['Action', 'SessionDuration', 'Session']);
    expect(url.searchParams.get('Action')).toBe('getSigninToken');
    expect(url.searchParams.get('SessionDuration')).toBe('3600');
    expect(JSON.parse(url.searchParams.get('Session')!)).toEqual({
      sessionId: 'ASIAEXAMPLE',
      sessionKey: 'se/cr+et=',
      sessionToken: 'tok/en+==',
    });
  });

  it('leaves SessionDuration out unless given, and uses each partition host', () => {
    expect(buildGetSigninTokenUrl('aws-us-gov', CREDS)).toMatch(
      /^https:\/\/signin\.amazonaws-us-gov\.com\/federation\?Action=getSigninToken&Session=%7B/,
    );
    expect(buildGetSigninTokenUrl('aws-cn', CREDS)).toMatch(
      /^https:\/\/signin\.amazonaws\.cn\/federation\?/,
    );
    expect(() => buildGetSigninTokenUrl('aws', CREDS, 50000)).toThrow(/900 to 43200/);
  });
});

describe('buildConsoleLoginUrl', () => {
  it('logs in to the partition console by default', () => {
    expect(buildConsoleLoginUrl('aws', 'TOKEN+/=')).toBe(
      'https://signin.aws.amazon.com/federation?Action=login&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2F&SigninToken=TOKEN%2B%2F%3D',
    );
    expect(buildConsoleLoginUrl('aws-cn', 'T')).toContain(
      'Destination=https%3A%2F%2Fconsole.amazonaws.cn%2F',
    );
  });

  it('passes an issuer and destination', () => {
    const url = new URL(
      buildConsoleLoginUrl(
        'aws-us-gov',
        'T',
        'https://console.amazonaws-us-gov.com/s3/',
        'https://idp.example.com/',
      ),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      Action: 'login',
      Issuer: 'https://idp.example.com/',
      Destination: 'https://console.amazonaws-us-gov.com/s3/',
      SigninToken: 'T',
    });
  });
});

describe('readSigninTokenResponse', () => {
  it('reads the token', () => {
    expect(readSigninTokenResponse(200, '{"SigninToken":"abc"}')).toEqual({
      ok: true,
      signinToken: 'abc',
    });
  });

  it.each([
    [400, 'Bad Request', 'HTTP 400: Bad Request'],
    [200, '{}', 'HTTP 200: {}'],
    [200, '<html>', 'HTTP 200: <html>'],
    [200, 'null', 'HTTP 200: null'],
    [500, '', 'HTTP 500'],
  ])('refuses HTTP %s %s', (status, body, message) => {
    expect(readSigninTokenResponse(status, body)).toMatchObject({
      ok: false,
      error: { code: 'SigninTokenRefused', message, httpStatus: status },
    });
  });
});

describe('consoleSigninUrl', () => {
  it('fetches the token with GET and returns the login URL on the same endpoint', async () => {
    const seen: string[] = [];
    const fetch: FetchLike = async (url, init) => {
      seen.push(`${init.method} ${url}`);
      return { status: 200, text: async () => '{"SigninToken":"T1"}' };
    };
    const result = await consoleSigninUrl('aws', CREDS, {
      fetch,
      endpoint: 'http://127.0.0.1:9/federation',
      sessionDuration: 900,
    });
    expect(seen).toEqual([
      `GET ${buildGetSigninTokenUrl('aws', CREDS, 900, 'http://127.0.0.1:9/federation')}`,
    ]);
    expect(result).toEqual({
      ok: true,
      url: 'http://127.0.0.1:9/federation?Action=login&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2F&SigninToken=T1',
    });
  });

  it('reports a network failure', async () => {
    const fetch: FetchLike = () => Promise.reject(new Error('offline'));
    expect(await consoleSigninUrl('aws', CREDS, { fetch })).toMatchObject({
      ok: false,
      error: { code: 'NetworkError', message: 'signin.aws.amazon.com: offline' },
    });
  });
});
