import { describe, expect, it } from 'vitest';
import {
  checkStartUrl,
  MAX_START_URL_LENGTH,
  originPattern,
} from '../../../src/shared/keep-fresh/start-url.ts';
import { MAX_ISSUERS, startUrlStore } from '../../../src/shared/keep-fresh/start-url-store.ts';
import { noteUserCapture } from '../../../src/background/refresh/user-capture.ts';
import { needsUserStore } from '../../../src/background/refresh/needs-user.ts';
import { memoryArea } from '../../background/memory-area.ts';

const OKTA = 'https://example.okta.com/home/amazon_aws/0oa1/272';

describe('checkStartUrl', () => {
  it.each([
    OKTA,
    'https://myapps.microsoft.com/signin/AWS/abc?tenantId=1',
    'https://accounts.google.com/o/saml2/initsso?idpid=C01&spid=123&forceauthn=false',
    'http://127.0.0.1:7777/applications/aws/sso',
    'http://localhost:7777/applications/aws/sso',
  ])('accepts %s', (url) => {
    expect(checkStartUrl(url)).toEqual({ ok: true, url });
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['example.okta.com/home', /not a URL/],
    ['http://idp.example.com/sso', /https.*127\.0\.0\.1 or localhost.*idp\.example\.com/],
    ['javascript:alert(1)', /web page.*javascript:/],
    ['file:///etc/passwd', /web page.*file:/],
    ['https://me:secret@idp.example.com/sso', /user name or password/],
    [`https://idp.example.com/${'a'.repeat(MAX_START_URL_LENGTH)}`, /characters long/],
  ])('refuses %j, saying why', (url, problem) => {
    const check = checkStartUrl(url);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem).toMatch(problem);
  });

  it('names the origin to ask host access for', () => {
    expect(originPattern('http://127.0.0.1:7777/applications/aws/sso')).toBe('http://127.0.0.1/*');
    expect(originPattern(OKTA)).toBe('https://example.okta.com/*');
  });
});

describe('startUrlStore', () => {
  it("learns where an issuer's assertion came from; the user's link wins over it", async () => {
    const local = memoryArea();
    const store = startUrlStore(local);
    await store.learn('https://idp.example.com/', 'https://idp.example.com/');
    expect(await store.startUrlFor('https://idp.example.com/')).toBe('https://idp.example.com/');
    expect(await store.choose('https://idp.example.com/', OKTA)).toBeUndefined();
    await store.learn('https://idp.example.com/', 'https://idp.example.com/other');
    expect(await store.startUrlFor('https://idp.example.com/')).toBe(OKTA);
    await store.choose('https://idp.example.com/', undefined);
    expect(await store.startUrlFor('https://idp.example.com/')).toBe(
      'https://idp.example.com/other',
    );
    expect(local.data.size).toBe(1);
  });

  it('refuses a bad link with its problem and keeps what it had', async () => {
    const store = startUrlStore(memoryArea());
    await store.choose('issuer', OKTA);
    expect(await store.choose('issuer', 'http://idp.example.com/')).toMatch(/https/);
    expect(await store.startUrlFor('issuer')).toBe(OKTA);
    expect(await store.choose('', OKTA)).toMatch(/issuer/);
  });

  it('ignores a learned URL it would refuse, and issuers named like Object.prototype', async () => {
    const store = startUrlStore(memoryArea());
    await store.learn('issuer', 'http://idp.example.com/');
    expect(await store.startUrlFor('issuer')).toBeUndefined();
    expect(await store.startUrlFor('constructor')).toBeUndefined();
    expect(await store.startUrlFor('__proto__')).toBeUndefined();
    await store.learn('__proto__', 'https://odd.example.com/');
    expect(await store.startUrlFor('__proto__')).toBe('https://odd.example.com/');
    expect(await store.startUrlFor('toString')).toBeUndefined();
  });

  it(`keeps at most ${MAX_ISSUERS} issuers, dropping the one seen longest ago`, async () => {
    const store = startUrlStore(memoryArea());
    for (let i = 0; i <= MAX_ISSUERS; i += 1)
      await store.learn(`issuer-${i}`, `https://idp${i}.example.com/`);
    const all = await store.all();
    expect(Object.keys(all)).toHaveLength(MAX_ISSUERS);
    expect(all['issuer-0']).toBeUndefined();
    expect(all[`issuer-${MAX_ISSUERS}`]).toBeDefined();
  });
});

describe('noteUserCapture', () => {
  it("learns the capture's IdP URL and lifts that IdP's needs-user mark", async () => {
    const local = memoryArea();
    const session = memoryArea();
    const deps = { startUrls: startUrlStore(local), needsUser: needsUserStore(session) };
    await deps.needsUser.mark('https://idp.example.com/', { signInUrl: OKTA, since: 1 });
    const capture = {
      kind: 'decoded',
      tabId: 1,
      capturedAt: 1,
      endpointUrl: 'https://signin.aws.amazon.com/saml',
      idpUrl: 'https://idp.example.com/',
      inspection: { saml: { issuer: 'https://idp.example.com/' } },
    } as unknown as Parameters<typeof noteUserCapture>[0];
    await noteUserCapture(capture, deps);
    expect(await deps.needsUser.get('https://idp.example.com/')).toBeUndefined();
    expect(await deps.startUrls.startUrlFor('https://idp.example.com/')).toBe(
      'https://idp.example.com/',
    );
  });
});
