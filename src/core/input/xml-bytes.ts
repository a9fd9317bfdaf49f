import { decodeUtf8, strictTextDecoder } from '../encoding/utf8.ts';
import { SamlInputError } from '../errors.ts';
import { INPUT_LIMITS } from '../limits.ts';

/** Where the document starts and how it is encoded, from a byte order mark. */
function byteOrderMark(bytes: Uint8Array): { skip: number; encoding?: 'utf-16le' | 'utf-16be' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { skip: 2, encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { skip: 2, encoding: 'utf-16be' };
  return { skip: 0 };
}

/** After a byte order mark and whitespace, does the document start with '<'? */
export function startsWithMarkup(bytes: Uint8Array): boolean {
  const { skip, encoding } = byteOrderMark(bytes);
  const step = encoding ? 2 : 1;
  const low = encoding === 'utf-16be' ? 1 : 0;
  for (let i = skip; i + low < bytes.length; i += step) {
    const byte = bytes[i + low]!;
    if (encoding && bytes[i + 1 - low] !== 0) return false;
    if (byte === 0x3c) return true;
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return false;
  }
  return false;
}

/**
 * The document's text: UTF-8 unless a byte order mark says UTF-16 or the XML declaration names
 * another encoding (some IdPs still declare ISO-8859-1).
 */
export function xmlTextFromBytes(bytes: Uint8Array): string {
  if (bytes.length > INPUT_LIMITS.maxXmlBytes) {
    throw new SamlInputError(
      'too-large',
      `decoded SAML message is ${bytes.length} bytes; the limit is ${INPUT_LIMITS.maxXmlBytes}`,
    );
  }
  const { skip, encoding } = byteOrderMark(bytes);
  const declared = encoding ?? declaredEncoding(bytes);
  if (!declared || /^utf-?8$/i.test(declared)) return decodeUtf8(bytes, 'the decoded SAML message');
  let decoder: ReturnType<typeof strictTextDecoder>;
  try {
    decoder = strictTextDecoder(declared);
  } catch {
    throw new SamlInputError(
      'not-utf8',
      `the XML declares encoding "${declared}", which is not supported`,
    );
  }
  try {
    return decoder.decode(bytes.subarray(skip));
  } catch {
    throw new SamlInputError('not-utf8', `the decoded SAML message is not valid ${declared} text`);
  }
}

/** `encoding="..."` from an ASCII XML declaration at the very start, if there is one. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 200); i++) head += String.fromCharCode(bytes[i]!);
  return /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
}
