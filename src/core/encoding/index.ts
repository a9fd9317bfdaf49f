import { encodeBase64Bytes } from './base64.ts';
import { encodeUtf8 } from './utf8.ts';

export {
  decodeBase64,
  encodeBase64Bytes,
  looksLikeBase64,
  stripBase64Whitespace,
} from './base64.ts';
export { decodeUtf8, encodeUtf8 } from './utf8.ts';

/** Base64 of a text's UTF-8 bytes: how a SAMLResponse is encoded for the POST binding. */
export function encodeBase64(text: string): string {
  return encodeBase64Bytes(encodeUtf8(text));
}
