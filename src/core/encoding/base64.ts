import { SamlInputError } from '../errors.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
// base64url is accepted too: some tools hand it over that way.
DECODE['-'.charCodeAt(0)] = 62;
DECODE['_'.charCodeAt(0)] = 63;

const WHITESPACE = /[\s]+/g;

/** Removes whitespace an IdP or a terminal may have wrapped the value with. */
export function stripBase64Whitespace(text: string): string {
  return /\s/.test(text) ? text.replace(WHITESPACE, '') : text;
}

/** True when every character is base64 (either alphabet) or padding. */
export function looksLikeBase64(compact: string): boolean {
  return compact.length > 0 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(compact);
}

/**
 * Decodes base64 with or without padding. `compact` must already be free of whitespace.
 * Hand-written because `atob` is not part of the language and Buffer is Node-only.
 */
export function decodeBase64(compact: string): Uint8Array {
  let end = compact.length;
  while (end > 0 && compact.charCodeAt(end - 1) === 61 /* = */) end--;
  if (compact.length - end > 2 || end % 4 === 1) {
    throw new SamlInputError(
      'not-base64',
      `base64 value has an impossible length (${compact.length} characters)`,
    );
  }
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let o = 0;
  let i = 0;
  const full = end - (end % 4);
  for (; i < full; i += 4) {
    const a = sextet(compact, i);
    const b = sextet(compact, i + 1);
    const c = sextet(compact, i + 2);
    const d = sextet(compact, i + 3);
    out[o++] = (a << 2) | (b >> 4);
    out[o++] = ((b & 15) << 4) | (c >> 2);
    out[o++] = ((c & 3) << 6) | d;
  }
  const rest = end - full;
  if (rest >= 2) {
    const a = sextet(compact, i);
    const b = sextet(compact, i + 1);
    out[o++] = (a << 2) | (b >> 4);
    if (rest === 3) {
      const c = sextet(compact, i + 2);
      out[o++] = ((b & 15) << 4) | (c >> 2);
    }
  }
  return out;
}

function sextet(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const value = code < 128 ? DECODE[code]! : -1;
  if (value < 0) {
    throw new SamlInputError(
      'not-base64',
      `character ${JSON.stringify(text[index])} at position ${index + 1} is not base64`,
    );
  }
  return value;
}

/** Standard base64 with padding, as an IdP POSTs it. */
export function encodeBase64Bytes(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + '=';
  }
  return out;
}
