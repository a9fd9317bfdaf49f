import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../../src/core/credentials.ts';
import { generateSelfSigned } from '../../../src/idp/crypto/selfsigned.ts';
import { boundedFetch } from '../../../src/idp/http/bounded-fetch.ts';
import { ScimServerError, ScimSyncError } from '../../../src/idp/scim/errors.ts';
import { syncScim } from '../../../src/idp/scim/sync.ts';
import { readScimToken } from '../../../src/idp/scim/token.ts';
import { ScimTransport } from '../../../src/idp/scim/transport.ts';

const TOKEN = 'secret-token-123';

/** A fake SCIM server: answers by method and path, records what it was sent. */
function fakeFetch(answer: (method: string, path: string, body: unknown) => [number, unknown]) {
  const sent: { method: string; path: string; body: unknown; headers: Record<string, string> }[] =
    [];
  const fetch: FetchLike = (url, init) => {
    const path = decodeURIComponent(url.replace('https://scim.example/v2', ''));
    const body = init.body === undefined ? undefined : (JSON.parse(init.body) as unknown);
    sent.push({ method: init.method, path, body, headers: init.headers });
    const [status, data] = answer(init.method, path, body);
    return Promise.resolve({
      status,
      text: () => Promise.resolve(typeof data === 'string' ? data : JSON.stringify(data)),
    });
  };
  return { fetch, sent };
}

function transport(fetch: FetchLike, dryRun = false, print: (t: string) => void = () => undefined) {
  return new ScimTransport({
    baseUrl: 'https://scim.example/v2',
    token: TOKEN,
    fetch,
    dryRun,
    print,
  });
}

const list = (...resources: object[]) => ({ totalResults: resources.length, Resources: resources });

describe('server answers', () => {
  it('an unknown refusal is shown as the server said it, escaped, bounded, with no advice', async () => {
    const { fetch } = fakeFetch(() => [
      400,
      { status: '400', detail: `bad\u001b[31m thing ${'x'.repeat(600)}` },
    ]);
    const error = (await transport(fetch)
      .read({ method: 'GET', path: '/Users' })
      .catch((e: unknown) => e)) as ScimServerError;
    expect(error).toBeInstanceOf(ScimServerError);
    expect(error.message.startsWith('GET /Users was refused (400): bad\\u001b[31m thing xxx')).toBe(
      true,
    );
    expect(error.message).not.toContain('\u001b');
    expect(error.message).not.toContain('→');
    expect(error.message.length).toBeLessThan(600);
  });

  it.each([
    [409, { detail: 'Duplicate userName' }, 'already exists on the server'],
    [400, { detail: 'Request has more than one value of emails' }, 'takes one value of emails'],
    [
      400,
      { detail: 'name.familyName is required' },
      'requires name.givenName, name.familyName and displayName',
    ],
    [
      400,
      { detail: 'ims not supported' },
      'ims is not supported by IAM Identity Center: add a mapping that removes it',
    ],
  ])('%i %j gets advice', async (status, body, advice) => {
    const { fetch } = fakeFetch(() => [status, body]);
    const error = (await transport(fetch)
      .write({ method: 'POST', path: '/Users', body: {} })
      .catch((e: unknown) => e)) as Error;
    expect(error.message.split('\n  → ')[1]).toContain(advice);
  });

  it('a redirect is not followed, and an answer that is not JSON says to check the URL', async () => {
    const redirect = fakeFetch(() => [302, '']);
    await expect(transport(redirect.fetch).read({ method: 'GET', path: '/Users' })).rejects.toThrow(
      'GET https://scim.example/v2/Users: the server answered 302 (a redirect), which the sync does not follow: give the final SCIM URL',
    );
    const html = fakeFetch(() => [200, '<html>sign in</html>']);
    await expect(transport(html.fetch).read({ method: 'GET', path: '/Users' })).rejects.toThrow(
      'is not JSON; is the URL the SCIM base (…/scim/v2)?',
    );
  });

  it('a ListResponse of the wrong shape is an error, not a crash', async () => {
    const { fetch } = fakeFetch(() => [200, { Resources: [{ userName: 'no id' }] }]);
    const state = {
      users: [{ username: 'a', userName: 'a', externalId: 'x:a', resource: {} }],
      groups: [],
      userExternalIdPrefix: 'x:',
      groupExternalIdPrefix: 'y:',
    };
    await expect(syncScim(state, transport(fetch))).rejects.toThrow(ScimSyncError);
    await expect(syncScim(state, transport(fetch))).rejects.toThrow(
      'Resources[0] has no string id',
    );
  });
});

describe('Identity Center style groups (members not listed)', () => {
  it('asks membership user by user and adds only the missing member', async () => {
    const users = [
      { id: 'u1', userName: 'a', externalId: 'x:a', active: true },
      { id: 'u2', userName: 'b', externalId: 'x:b', active: true },
    ];
    const { fetch, sent } = fakeFetch((method, path) => {
      if (method !== 'GET') return [200, {}];
      if (path.startsWith('/Users?filter=userName eq "a"')) return [200, list(users[0]!)];
      if (path.startsWith('/Users?filter=userName eq "b"')) return [200, list(users[1]!)];
      if (path.startsWith('/Users?count=100&cursor=')) return [200, list(...users)];
      // Identity Center's GetGroup and ListGroups answer an empty members list, whoever is in.
      if (path.startsWith('/Groups?filter=displayName'))
        return [200, list({ id: 'g1', displayName: 'team', externalId: 'y:team', members: [] })];
      if (path === '/Groups?filter=id eq "g1" and members eq "u1"')
        return [200, list({ id: 'g1' })];
      return [200, list()];
    });
    const state = {
      users: users.map((u) => ({
        username: u.userName,
        userName: u.userName,
        externalId: u.externalId,
        resource: { userName: u.userName, active: true },
      })),
      groups: [{ displayName: 'team', externalId: 'y:team', memberUserNames: ['a', 'b'] }],
      userExternalIdPrefix: 'x:',
      groupExternalIdPrefix: 'y:',
    };
    const summary = await syncScim(state, transport(fetch));
    expect(summary.members).toEqual({ added: 1, removed: 0 });
    const writes = sent.filter((s) => s.method !== 'GET');
    expect(writes).toEqual([
      expect.objectContaining({
        method: 'PATCH',
        path: '/Groups/g1',
        body: {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'add', path: 'members', value: [{ value: 'u2' }] }],
        },
      }),
    ]);
    expect(sent.every((s) => s.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });
});

describe('listing users page by page', () => {
  const state = {
    users: [],
    groups: [],
    userExternalIdPrefix: 'x:',
    groupExternalIdPrefix: 'y:',
  };
  const user = (i: number) => ({
    id: `u${i}`,
    userName: `n${i}`,
    externalId: `x:n${i}`,
    active: true,
  });

  it('follows nextCursor (Identity Center) and deactivates ours on every page', async () => {
    const { fetch, sent } = fakeFetch((method, path) => {
      if (method !== 'GET') return [204, ''];
      if (path === '/Users?count=100&cursor=')
        return [200, { Resources: [user(1)], nextCursor: 'Mg' }];
      if (path === '/Users?count=100&cursor=Mg')
        return [200, { Resources: [user(2), { id: 's', userName: 's' }] }];
      return [500, { detail: `unexpected ${path}` }];
    });
    const summary = await syncScim(state, transport(fetch));
    expect(summary.users.deactivated).toBe(2);
    expect(sent.filter((s) => s.method === 'PATCH').map((s) => s.path)).toEqual([
      '/Users/u1',
      '/Users/u2',
    ]);
  });

  it('pages by startIndex where there are no cursors, and stops on a server that repeats the first page', async () => {
    const paged = fakeFetch((method, path) => {
      if (method !== 'GET') return [200, {}];
      if (path === '/Users?count=100&cursor=')
        return [200, { totalResults: 2, startIndex: 1, Resources: [user(1)] }];
      if (path === '/Users?count=100&startIndex=2')
        return [200, { totalResults: 2, startIndex: 2, Resources: [user(2)] }];
      return [500, { detail: `unexpected ${path}` }];
    });
    expect((await syncScim(state, transport(paged.fetch))).users.deactivated).toBe(2);
    const repeating = fakeFetch(() => [
      200,
      { totalResults: 5, startIndex: 1, Resources: [{ ...user(1), active: false }] },
    ]);
    await expect(syncScim(state, transport(repeating.fetch))).rejects.toThrow(
      'GET /Users: asked for the page at 2, the server answered the one at 1 and gave no nextCursor; cannot list all users',
    );
  });
});

describe('the token', () => {
  it('comes from the environment or a file, trimmed; the messages never hold it', () => {
    expect(readScimToken({ env: 'T' }, { T: ' abc \n' })).toBe('abc');
    expect(() => readScimToken({ env: 'T' }, {})).toThrow(
      'no SCIM token: the environment variable T is not set (or empty)',
    );
    const dir = mkdtempSync(join(tmpdir(), 'scim-token-'));
    writeFileSync(join(dir, 'token'), 'file-token\n');
    expect(readScimToken({ file: join(dir, 'token') }, {})).toBe('file-token');
    expect(() => readScimToken({ file: join(dir, 'missing') }, {})).toThrow(
      `SCIM token file: no such file: ${join(dir, 'missing')}`,
    );
    writeFileSync(join(dir, 'two'), 'secret-part\r\nX-Injected: 1');
    const error = (() => {
      try {
        readScimToken({ file: join(dir, 'two') }, {});
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toBe(
      `the token file ${join(dir, 'two')} holds spaces, line breaks or control characters: give the token alone`,
    );
    expect(error?.message).not.toContain('secret-part');
  });
});

describe('bounded fetch', () => {
  it('cuts an endless answer at the limit and does not follow redirects', async () => {
    const server = createServer((request, response) => {
      if (request.url === '/redirect') {
        response.writeHead(302, { location: 'http://example.invalid/' });
        return response.end();
      }
      response.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (response.write(chunk)) if (response.destroyed) return;
        response.once('drain', pump);
      };
      pump();
      response.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const fetch = boundedFetch({ timeoutMs: 5000, maxResponseBytes: 256 * 1024 });
      const endless = await fetch(`${base}/`, { method: 'GET', headers: {} });
      await expect(endless.text()).rejects.toThrow(
        `the answer from ${base} is larger than 262144 bytes`,
      );
      const redirected = await fetch(`${base}/redirect`, { method: 'GET', headers: {} });
      expect(redirected.status).toBe(302);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('bounded fetch trusting one more CA', () => {
  it('verifies against the CA given, and keeps the bounds: endless answers cut, redirects not followed, a silent server timed out, http refused', async () => {
    const tls = await generateSelfSigned('bounded fetch test', ['127.0.0.1', 'localhost']);
    const server = createHttpsServer(
      { key: tls.keyPem, cert: tls.certPem },
      (request, response) => {
        if (request.url === '/silent') return;
        if (request.url === '/redirect') {
          response.writeHead(302, { location: 'https://example.invalid/' });
          return response.end();
        }
        if (request.url === '/echo') {
          let body = '';
          request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          request.on('end', () =>
            response.end(`${request.method} ${request.headers.authorization} ${body}`),
          );
          return;
        }
        response.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => {
          while (response.write(chunk)) if (response.destroyed) return;
          response.once('drain', pump);
        };
        pump();
        response.on('error', () => undefined);
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const limits = { timeoutMs: 1000, maxResponseBytes: 256 * 1024 };
      const trusting = boundedFetch({ ...limits, ca: tls.certPem });
      const echo = await trusting(`${base}/echo`, {
        method: 'POST',
        headers: { authorization: 'Bearer t' },
        body: '{"é":1}',
      });
      expect([echo.status, await echo.text()]).toEqual([200, 'POST Bearer t {"é":1}']);
      await expect(trusting(`${base}/`, { method: 'GET', headers: {} })).rejects.toThrow(
        `the answer from ${base} is larger than 262144 bytes`,
      );
      expect((await trusting(`${base}/redirect`, { method: 'GET', headers: {} })).status).toBe(302);
      await expect(trusting(`${base}/silent`, { method: 'GET', headers: {} })).rejects.toThrow(
        expect.objectContaining({ name: expect.stringMatching(/AbortError|TimeoutError/) }),
      );
      await expect(trusting('http://127.0.0.1:1/', { method: 'GET', headers: {} })).rejects.toThrow(
        'a CA to trust is for https URLs, not http:',
      );
      // Without the CA, the same server is refused: the CA is what makes it trusted.
      await expect(
        boundedFetch({ ...limits, ca: (await generateSelfSigned('other')).certPem })(
          `${base}/echo`,
          {
            method: 'GET',
            headers: {},
          },
        ),
      ).rejects.toThrow(/self-signed certificate/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
