// The companion IdP as an attacker on the same laptop meets it: a DNS-rebinding page, a page on
// another 127.0.0.1 port, a password guesser, hostile SP metadata and oversized SSO requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspect } from '../../src/core/index.ts';
import { demoConfig } from '../../src/idp/config.ts';
import { startIdp } from '../../src/idp/server.ts';
import { Browser, formOf, rawRequest } from './helpers.ts';

let idp: Awaited<ReturnType<typeof startIdp>>;
let host: string;

beforeAll(async () => {
  idp = await startIdp({ config: demoConfig() });
  host = new URL(idp.url).host;
});
afterAll(async () => {
  await idp?.close();
});

const IC_AUDIENCE = 'https://us-east-1.signin.aws.amazon.com/platform/saml/d-9067c0ffee';
const authnRequest = (id: string) =>
  Buffer.from(
    `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${new Date().toISOString()}"><saml:Issuer>${IC_AUDIENCE}</saml:Issuer></samlp:AuthnRequest>`,
  ).toString('base64');

/** The CSRF token and cookies of a fresh login page, as a page would hold them. */
async function loginPageState(): Promise<{ cookie: string; csrf: string }> {
  const page = await rawRequest(`${idp.url}/login`);
  const cookie = ([page.headers['set-cookie'] ?? []].flat()[0] ?? '').split(';', 1)[0]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return { cookie, csrf };
}

describe('the IdP answers only as itself (DNS rebinding)', () => {
  it('refuses a Host that is not 127.0.0.1:PORT or localhost:PORT with 421 and says why', async () => {
    const port = new URL(idp.url).port;
    const page = await rawRequest(`${idp.url}/login`, {
      headers: { host: `rebind.attacker.example:${port}` },
    });
    expect(page.status).toBe(421);
    expect(page.body).toContain(
      `answers only as 127.0.0.1:${port} or localhost:${port}; this request named the host "rebind.attacker.example:${port}"`,
    );
    const login = await rawRequest(`${idp.url}/login`, {
      method: 'POST',
      headers: { host: `rebind.attacker.example:${port}` },
      body: 'username=alice&password=demo',
    });
    expect(login.status).toBe(421);
    expect(login.headers['set-cookie']).toBeUndefined();
  });

  it('accepts localhost:PORT and 127.0.0.1:PORT', async () => {
    const port = new URL(idp.url).port;
    expect(
      (await rawRequest(`${idp.url}/login`, { headers: { host: `localhost:${port}` } })).status,
    ).toBe(200);
    expect((await rawRequest(`${idp.url}/login`, { headers: { host } })).status).toBe(200);
  });

  it('refuses a request without a Host header with 400', async () => {
    const page = await rawRequest(`${idp.url}/metadata`, { headers: { host: '' } });
    expect(page.status).toBe(400); // Node's own answer to HTTP/1.1 without Host
  });
});

describe('state-changing requests come from the IdP’s own pages', () => {
  it('refuses a login posted from another 127.0.0.1 port (same site, other origin)', async () => {
    const { cookie, csrf } = await loginPageState();
    const page = await rawRequest(`${idp.url}/login`, {
      method: 'POST',
      headers: { cookie, origin: 'http://127.0.0.1:9', 'sec-fetch-site': 'same-site' },
      body: new URLSearchParams({ username: 'alice', password: 'demo', csrf }).toString(),
    });
    expect(page.status).toBe(403);
    expect(page.body).toContain('came from http://127.0.0.1:9, not from this IdP');
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a login without Origin or Sec-Fetch-Site', async () => {
    const { cookie, csrf } = await loginPageState();
    const page = await rawRequest(`${idp.url}/login`, {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams({ username: 'alice', password: 'demo', csrf }).toString(),
    });
    expect(page.status).toBe(403);
    expect(page.body).toContain('neither an Origin nor a Sec-Fetch-Site header');
  });

  it('refuses a same-origin login without the page’s CSRF token, or with another one', async () => {
    const { cookie } = await loginPageState();
    const other = await loginPageState();
    for (const csrf of ['', other.csrf]) {
      const page = await rawRequest(`${idp.url}/login`, {
        method: 'POST',
        headers: { cookie, origin: idp.url },
        body: new URLSearchParams({ username: 'alice', password: 'demo', csrf }).toString(),
      });
      expect(page.status).toBe(403);
      expect(page.body).toContain('CSRF token');
    }
  });

  it('accepts Sec-Fetch-Site: same-origin in place of Origin', async () => {
    const { cookie, csrf } = await loginPageState();
    const page = await rawRequest(`${idp.url}/login`, {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
      body: new URLSearchParams({ username: 'alice', password: 'demo', csrf }).toString(),
    });
    expect(page.status).toBe(303);
  });

  it('refuses adding an application with a stale CSRF token after signing in again', async () => {
    const admin = new Browser(idp.url);
    await admin.get('/login');
    const loginToken = admin.csrfToken;
    await admin.login('alice');
    expect(admin.csrfToken).not.toBe(loginToken); // a new session, a new token
    const metadata = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:x"><md:SPSSODescriptor><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://example.com/acs"/></md:SPSSODescriptor></md:EntityDescriptor>`;
    const stale = await admin.post('/applications', { slug: 'stale', metadata, csrf: loginToken });
    expect(stale.status).toBe(403);
  });

  it('sets the session cookie HttpOnly and SameSite=Strict', async () => {
    const { cookie, csrf } = await loginPageState();
    const page = await rawRequest(`${idp.url}/login`, {
      method: 'POST',
      headers: { cookie, origin: idp.url },
      body: new URLSearchParams({ username: 'bob', password: 'demo', csrf }).toString(),
    });
    const cookies = [page.headers['set-cookie'] ?? []].flat();
    const session = cookies.find((c) => c.startsWith('saml_roles_idp='));
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Strict/);
    for (const c of [(await rawRequest(`${idp.url}/login`)).headers['set-cookie'] ?? []].flat())
      expect(c).toMatch(/; HttpOnly.*SameSite=Strict/);
  });
});

describe('password guessing is slowed down', () => {
  it('locks a username after 5 wrong passwords, saying when to try again', async () => {
    const guesser = new Browser(idp.url);
    for (let i = 0; i < 5; i++)
      expect((await guesser.login('dave', `guess-${i}`)).status).toBe(401);
    const locked = await guesser.login('dave', 'demo');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await locked.text()).toMatch(/Too many failed sign-ins for dave; try again in \d+ s/);
    // Other users are not locked by dave's failures.
    expect((await new Browser(idp.url).login('erin')).status).toBe(303);
  });

  it('limits failures over all usernames too', async () => {
    const limited = await startIdp({ config: demoConfig() });
    try {
      const guesser = new Browser(limited.url);
      let status = 0;
      for (let i = 0; i < 40 && status !== 429; i++)
        status = (await guesser.login(`nobody-${i}`, 'x')).status;
      expect(status).toBe(429);
      const page = await guesser.login('alice', 'demo');
      expect(page.status).toBe(429);
      expect(await page.text()).toMatch(/Too many failed sign-ins; try again in \d+ s/);
    } finally {
      await limited.close();
    }
  });
});

describe('the login page', () => {
  it('lists usernames only for the demo (--demo)', async () => {
    expect(await (await fetch(`${idp.url}/login`)).text()).not.toContain('<datalist');
    const demo = await startIdp({ config: demoConfig(), demo: true });
    try {
      expect(await (await fetch(`${demo.url}/login`)).text()).toContain('<option value="alice">');
    } finally {
      await demo.close();
    }
  });
});

describe('SP-initiated SSO requests are small and their store is bounded', () => {
  it('refuses a RelayState over 80 bytes (SAML bindings), naming its size', async () => {
    const page = await fetch(
      `${idp.url}/sso?${new URLSearchParams({ SAMLRequest: authnRequest('_r1'), RelayState: 'é'.repeat(41) })}`,
      { redirect: 'manual' },
    );
    expect(page.status).toBe(400);
    expect(await page.text()).toContain(
      'RelayState is 82 bytes; the SAML bindings allow at most 80',
    );
    const posted = await fetch(`${idp.url}/sso`, {
      method: 'POST',
      body: new URLSearchParams({
        SAMLRequest: authnRequest('_r2'),
        RelayState: 'x'.repeat(100_000),
      }),
      redirect: 'manual',
    });
    expect(posted.status).toBe(400);
    const browser = new Browser(idp.url);
    await browser.login('bob');
    const idpInitiated = await browser.get(`/applications/aws/sso?RelayState=${'x'.repeat(81)}`);
    expect(idpInitiated.status).toBe(400);
    expect(await idpInitiated.text()).toContain('RelayState is 81 bytes');
  });

  it('refuses an AuthnRequest ID longer than 256 characters', async () => {
    const page = await fetch(`${idp.url}/sso`, {
      method: 'POST',
      body: new URLSearchParams({ SAMLRequest: authnRequest(`_${'a'.repeat(300)}`) }),
    });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('the AuthnRequest ID is 301 characters; at most 256');
  });

  it('keeps at most 1000 pending requests, forgetting the oldest first', async () => {
    const bounded = await startIdp({ config: demoConfig() });
    try {
      const keys: string[] = [];
      for (let i = 0; i < 1001; i++) {
        const page = await fetch(`${bounded.url}/sso`, {
          method: 'POST',
          body: new URLSearchParams({
            SAMLRequest: authnRequest(`_p${i}`),
            RelayState: 'r'.repeat(80),
          }),
          redirect: 'manual',
        });
        keys.push(/pending=([\w-]+)/.exec(await page.text())![1]!);
      }
      const browser = new Browser(bounded.url);
      const first = await browser.get(`/sso/resume?pending=${keys[0]}`);
      expect(first.status).toBe(400);
      expect(await first.text()).toContain('has expired or was already answered');
      expect((await browser.get(`/sso/resume?pending=${keys[1000]}`)).status).toBe(303);
    } finally {
      await bounded.close();
    }
  });

  it('bounces a request without the session cookie through its own page (SameSite=Strict)', async () => {
    const browser = new Browser(idp.url);
    const page = await browser.post('/sso', { SAMLRequest: authnRequest('_bounce') });
    expect(page.status).toBe(200);
    const body = await page.text();
    const resume = /content="0;url=(\/sso\/resume\?pending=[\w-]+)"/.exec(body)?.[1];
    expect(resume).toBeDefined();
    await browser.login('erin');
    const answer = await browser.get(resume!);
    expect(answer.status).toBe(200);
    expect(inspect(formOf(await answer.text()).fields.SAMLResponse!).saml.inResponseTo).toBe(
      '_bounce',
    );
  });
});

describe('uploaded SP metadata', () => {
  it.each([
    ['javascript:alert(document.domain)', 'not an http(s) URL'],
    ['data:text/html,<script>alert(1)</script>', 'not an http(s) URL'],
    ['https://', 'not a URL'],
  ])('refuses the ACS URL %s', async (location, reason) => {
    const admin = new Browser(idp.url);
    await admin.login('alice');
    const metadata = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:evil"><md:SPSSODescriptor><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${location.replace(/</g, '&lt;')}"/></md:SPSSODescriptor></md:EntityDescriptor>`;
    const page = await admin.post('/applications', { slug: 'evil', metadata });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain(reason);
    expect((await admin.get('/applications/evil/sso')).status).toBe(403);
  });
});

describe('Content-Security-Policy', () => {
  function policy(headers: Headers): Map<string, string> {
    const csp = headers.get('content-security-policy') ?? '';
    return new Map(
      csp
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => [d.split(' ', 1)[0]!, d.slice(d.indexOf(' ') + 1)]),
    );
  }

  it('lets pages post only to the IdP and run no script but their own', async () => {
    const page = await fetch(`${idp.url}/login`);
    const csp = policy(page.headers);
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('script-src')).toMatch(/^'nonce-[A-Za-z0-9+/=_-]{16,}'$/);
  });

  it('gives the SSO auto-post page a fresh script nonce and form-action of its ACS URL only', async () => {
    const browser = new Browser(idp.url);
    await browser.login('bob');
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const page = await browser.get('/applications/aws/sso');
      const csp = policy(page.headers);
      const nonce = /^'nonce-(.+)'$/.exec(csp.get('script-src') ?? '')?.[1];
      expect(await page.text()).toContain(`<script nonce="${nonce}">`);
      expect(csp.get('form-action')).toBe(
        'https://signin.aws.amazon.com/saml https://*.aws.amazon.com',
      );
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

describe('what browsers send', () => {
  it('accepts Origin: null with Sec-Fetch-Site: same-origin, refuses it cross-site', async () => {
    for (const [site, status] of [
      ['same-origin', 303],
      ['cross-site', 403],
    ] as const) {
      const { cookie, csrf } = await loginPageState();
      const page = await rawRequest(`${idp.url}/login`, {
        method: 'POST',
        headers: { cookie, origin: 'null', 'sec-fetch-site': site },
        body: new URLSearchParams({ username: 'alice', password: 'demo', csrf }).toString(),
      });
      expect(page.status).toBe(status);
    }
  });
});
