import type { RequestBody } from '../../platform/types.ts';

/** The form fields AWS reads from the POST, in the order a form body lists them. */
const FIELDS = ['SAMLResponse', 'RelayState', 'roleIndex'] as const;

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * The POST body as `application/x-www-form-urlencoded` text for the core's decodeInput. Chrome
 * parses small bodies into `formData` but hands large ones over only as `raw` bytes.
 */
export function requestBodyText(body: RequestBody): string | undefined {
  const form = body.formData;
  if (form?.SAMLResponse?.length) {
    return FIELDS.flatMap((name) => {
      const value = form[name]?.[0];
      return value === undefined ? [] : [`${name}=${encodeURIComponent(value)}`];
    }).join('&');
  }
  if (body.raw?.length) return new TextDecoder('utf-8').decode(concat(body.raw));
  return undefined;
}
