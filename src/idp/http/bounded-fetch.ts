import type { FetchLike } from '../../core/credentials.ts';

export interface BoundedFetchOptions {
  timeoutMs: number;
  maxResponseBytes: number;
}

/**
 * Node's fetch with an end: a silent server times out, an endless answer is cut at
 * `maxResponseBytes` (read as a stream, so no more is ever held), and a redirect is answered as
 * it is, not followed, so a request reaches only the URL its caller chose.
 */
export function boundedFetch(options: BoundedFetchOptions): FetchLike {
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
