// `saml-roles standin --scim` over real HTTPS: the token as given or made (printed once, only when
// made), PUT and PATCH bodies read, a body over the bound refused as SCIM JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { SCIM_MAX_BODY_BYTES } from '../../src/idp/standin/scim/scim-routes.ts';
import { TLS_CERT_FILE } from '../../src/idp/standin/tls.ts';
import { tempDir } from '../idp/helpers.ts';
import { awsUser, PATCH_SCHEMA } from '../idp/standin-scim-client.ts';
import { fakeIo } from './fake-io.ts';

let dir: Awaited<ReturnType<typeof tempDir>>;
const running: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((stop) => stop()));
});
afterAll(async () => {
  await dir.remove();
});

async function start(args: string[], env: Record<string, string> = {}) {
  const fake = fakeIo({ env });
  const dataDir = join(dir.path, 'data');
  const code = await main(['standin', '--port', '0', '--data-dir', dataDir, ...args], fake.io);
  running.push(fake.stop);
  const stdout = fake.stdout();
  return {
    code,
    stdout,
    stderr: fake.stderr(),
    scimUrl: /SCIM: (https:\/\/\S+\/scim\/v2)/.exec(stdout)?.[1],
    ca: code === 0 ? readFileSync(join(dataDir, TLS_CERT_FILE), 'utf8') : '',
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function send(
  method: string,
  url: string,
  options: { token?: string; body?: string; ca: string },
): Promise<{ status: number; body: string; json: Json }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method,
        ca: options.ca,
        servername: 'localhost',
        checkServerIdentity: () => undefined,
        headers: {
          'content-type': 'application/scim+json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.body !== undefined
            ? { 'content-length': Buffer.byteLength(options.body) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = body ? JSON.parse(body) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, body, json });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('saml-roles standin --scim', () => {
  it('makes a token, prints it once with the SCIM URL, and serves the SCIM API with it', async () => {
    const started = await start(['--scim']);
    expect(started.code).toBe(0);
    const token = /SCIM bearer token \(made now, shown only this once\): (\S+)/.exec(
      started.stdout,
    )![1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(started.stdout.split(token)).toHaveLength(2);
    const { scimUrl, ca } = started;
    expect(scimUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/scim\/v2$/);
    expect((await send('GET', `${scimUrl}/Users`, { ca })).status).toBe(401);
    const created = await send('POST', `${scimUrl}/Users`, {
      token,
      ca,
      body: JSON.stringify(awsUser('alice')),
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const patched = await send('PATCH', `${scimUrl}/Users/${id}`, {
      token,
      ca,
      body: JSON.stringify({
        schemas: [PATCH_SCHEMA],
        Operations: [{ op: 'replace', path: 'active', value: false }],
      }),
    });
    expect(patched.json.active).toBe(false);
    const put = await send('PUT', `${scimUrl}/Users/${id}`, {
      token,
      ca,
      body: JSON.stringify(awsUser('alice', { title: 'Guide' })),
    });
    expect(put.json.title).toBe('Guide');
    const page = await send('GET', `${scimUrl!.replace(/\/v2$/, '')}`, { ca });
    expect(page.body).toContain('alice');
    expect((await send('DELETE', `${scimUrl}/Users/${id}`, { token, ca })).status).toBe(204);
  });

  it(`refuses a body over ${SCIM_MAX_BODY_BYTES} bytes with a SCIM 413`, async () => {
    const started = await start(['--scim']);
    const token = /shown only this once\): (\S+)/.exec(started.stdout)![1]!;
    const answer = await send('POST', `${started.scimUrl}/Users`, {
      token,
      ca: started.ca,
      body: JSON.stringify(awsUser('a', { title: 'x'.repeat(SCIM_MAX_BODY_BYTES) })),
    });
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({
      status: '413',
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    });
  });

  it('takes the token from --scim-token-file (first line) or the environment, and never prints it', async () => {
    const file = join(dir.path, 'scim-token');
    writeFileSync(file, 'from-the-file-0123456789\n');
    const fromFile = await start(['--scim-token-file', file]);
    expect(fromFile.stdout).not.toContain('from-the-file-0123456789');
    expect(fromFile.stdout).toContain('SCIM bearer token: the one you gave');
    expect(
      (
        await send('GET', `${fromFile.scimUrl}/Users`, {
          token: 'from-the-file-0123456789',
          ca: fromFile.ca,
        })
      ).status,
    ).toBe(200);
    await Promise.all(running.splice(0).map((stop) => stop()));

    const fromEnv = await start([], { SAML_ROLES_STANDIN_SCIM_TOKEN: 'from-the-env-0123456789' });
    expect(fromEnv.stdout).not.toContain('from-the-env-0123456789');
    expect(
      (
        await send('GET', `${fromEnv.scimUrl}/Users`, {
          token: 'from-the-env-0123456789',
          ca: fromEnv.ca,
        })
      ).status,
    ).toBe(200);
  });

  it('names an unreadable or empty token file, without a stack trace', async () => {
    const missing = await start(['--scim-token-file', join(dir.path, 'nope')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('--scim-token-file: no such file');
    const empty = join(dir.path, 'empty-token');
    writeFileSync(empty, '\n');
    const blank = await start(['--scim-token-file', empty]);
    expect(blank.stderr).toContain(`--scim-token-file: ${empty} is empty`);
    expect(blank.stderr).not.toMatch(/\n\s+at /);
  });

  it('without --scim says SCIM is off and has no /scim/v2', async () => {
    const started = await start([]);
    expect(started.stdout).toContain('SCIM: off');
    const url = /running at (\S+)/.exec(started.stdout)![1]!;
    expect((await send('GET', `${url}/scim/v2/Users`, { ca: started.ca, token: 'x' })).status).toBe(
      404,
    );
  });
});
