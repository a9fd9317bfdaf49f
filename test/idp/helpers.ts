import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A browser-like client for one user: keeps its cookies, does not follow redirects, and posts forms
 * the way a browser posts the IdP's own forms: with the page's Origin and its CSRF token.
 */
export class Browser {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  constructor(private readonly base: string) {}

  async get(path: string): Promise<Response> {
    return this.send(path, { method: 'GET' });
  }

  async post(path: string, form: Record<string, string>): Promise<Response> {
    return this.send(path, {
      method: 'POST',
      body: new URLSearchParams({ csrf: this.csrf, ...form }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: new URL(this.base).origin,
      },
    });
  }

  /**
   * Opens the login page (for its CSRF token) and signs in; once signed in, opens a page of the new
   * session for its token, as a browser following the redirect would.
   */
  async login(username: string, password = 'demo', extra: Record<string, string> = {}) {
    await this.get('/login');
    const response = await this.post('/login', { username, password, ...extra });
    if (response.status === 303) await this.get('/apps');
    return response;
  }

  /** The CSRF token of the last page that carried one. */
  get csrfToken(): string {
    return this.csrf;
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const response = await fetch(new URL(path, this.base), {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      },
    });
    for (const set of response.headers.getSetCookie()) {
      const [name, value] = set.split(';', 1)[0]!.split('=') as [string, string];
      if (value === '' || /max-age=0/i.test(set)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('text/html')) return response;
    const text = await response.text();
    const token = /name="csrf" value="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrf = token;
    return new Response(text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }
}

/** One HTTP request with exactly the headers given (fetch would not send another Host). */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        // An empty Host in the options means none at all (Node would add one).
        setHost: options.headers?.host !== '',
        headers: {
          ...(options.body !== undefined
            ? {
                'content-type': 'application/x-www-form-urlencoded',
                'content-length': String(Buffer.byteLength(options.body)),
              }
            : {}),
          ...Object.fromEntries(
            Object.entries(options.headers ?? {}).filter(
              ([name, value]) => name !== 'host' || value,
            ),
          ),
        },
      },
      (res) => void readResponse(res).then(resolve, reject),
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Markup with whitespace runs collapsed and none between tags, so tests ignore formatting. */
export function compact(html: string): string {
  return html.replace(/\s+/g, ' ').replace(/> </g, '><');
}

/** The hidden fields and action of the first form on a page (the HTTP-POST binding's form). */
export function formOf(page: string): { action: string; fields: Record<string, string> } {
  const html = compact(page);
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[match[1]!] = unescape(match[2]!);
  return { action: unescape(action), fields };
}

function unescape(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export async function tempDir(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'saml-roles-idp-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Runs `xmlsec1 --verify` with the certificate as the only trusted one; resolves with its output. */
export async function xmlsecVerify(
  xml: string,
  certPem: string,
): Promise<{ ok: boolean; output: string }> {
  const dir = await tempDir();
  try {
    await writeFile(join(dir.path, 'response.xml'), xml);
    await writeFile(join(dir.path, 'cert.pem'), certPem);
    const args = ['--verify', '--trusted-pem', join(dir.path, 'cert.pem')];
    args.push(
      '--id-attr:ID',
      'urn:oasis:names:tc:SAML:2.0:assertion:Assertion',
      '--id-attr:ID',
      'urn:oasis:names:tc:SAML:2.0:protocol:Response',
    );
    args.push(join(dir.path, 'response.xml'));
    try {
      const { stdout, stderr } = await promisify(execFile)('xmlsec1', args);
      return { ok: true, output: stdout + stderr };
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? e.message}` };
    }
  } finally {
    await dir.remove();
  }
}

/** The metadata's signing certificate as PEM. */
export function certificateFromMetadata(metadataXml: string): string {
  const base64 = /<ds:X509Certificate>([^<]+)<\/ds:X509Certificate>/.exec(metadataXml)?.[1] ?? '';
  return `-----BEGIN CERTIFICATE-----\n${base64.replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
}

/** POSTs a form over HTTPS to a local server as if it were `host` (like Chromium's host-resolver rules). */
export function postAs(
  url: string,
  host: string,
  form: Record<string, string>,
  ca: string,
): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        servername: host,
        ca,
        headers: {
          host,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A response's status, headers and whole body as text. */
export function readResponse(
  res: IncomingMessage,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('error', reject);
    res.on('end', () =>
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }),
    );
  });
}
