import { request } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { FetchLike } from '../../core/credentials.ts';

export interface BoundedFetchOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  /**
   * A CA certificate (PEM) to trust beside the system's, e.g. the stand-in's self-signed one: the
   * server is still verified, by name too, only against one more root. Node's fetch has no
   * per-request CA (NODE_EXTRA_CA_CERTS is read once, at process start), so https is used then.
   */
  ca?: string;
}

/**
 * Node's fetch with an end: a silent server times out, an endless answer is cut at
 * `maxResponseBytes` (read as a stream, so no more is ever held), and a redirect is answered as
 * it is, not followed, so a request reaches only the URL its caller chose.
 */
export function boundedFetch(options: BoundedFetchOptions): FetchLike {
  if (options.ca !== undefined) return trustingFetch(options, options.ca);
  return async (url, init) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    return {
      status: response.status,
      text: () => readLimited(response, url, options.maxResponseBytes),
    };
  };
}

async function readLimited(response: Response, url: string, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`the answer from ${new URL(url).origin} is larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The same bounds over node:https, trusting `ca` beside the system's roots; https URLs only. */
function trustingFetch(options: BoundedFetchOptions, ca: string): FetchLike {
  const trusted = [...rootCertificates, ca];
  return (url, init) => {
    const target = new URL(url);
    if (target.protocol !== 'https:')
      return Promise.reject(new Error(`a CA to trust is for https URLs, not ${target.protocol}`));
    return new Promise((resolve, reject) => {
      const body = init.body === undefined ? undefined : Buffer.from(init.body, 'utf8');
      const req = request(
        target,
        {
          method: init.method,
          ca: trusted,
          headers: {
            ...init.headers,
            ...(body ? { 'content-length': String(body.byteLength) } : {}),
          },
          signal: AbortSignal.timeout(options.timeoutMs),
        },
        (res) => {
          // The whole answer is read here (bounded), so text() only hands it over.
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.byteLength;
            if (size > options.maxResponseBytes) {
              res.destroy();
              reject(
                new Error(
                  `the answer from ${target.origin} is larger than ${options.maxResponseBytes} bytes`,
                ),
              );
              return;
            }
            chunks.push(chunk);
          });
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, text: () => Promise.resolve(text) });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  };
}
