import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A browser-like client for one user: keeps the session cookie, does not follow redirects. */
export class Browser {
  private cookie = '';

  constructor(private readonly base: string) {}

  async get(path: string): Promise<Response> {
    return this.send(path, { method: 'GET' });
  }

  async post(path: string, form: Record<string, string>): Promise<Response> {
    return this.send(path, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  async login(username: string, password = 'demo'): Promise<Response> {
    return this.post('/login', { username, password });
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const response = await fetch(new URL(path, this.base), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookie },
    });
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';', 1)[0]!;
    return response;
  }
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
