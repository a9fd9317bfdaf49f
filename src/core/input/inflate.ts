import { Inflate } from 'fflate';
import { SamlInputError } from '../errors.ts';
import { INPUT_LIMITS } from '../limits.ts';

/** Input bytes per push; each can inflate to at most about 1 MB (DEFLATE's 1032:1 ratio). */
const CHUNK = 1024;

/** Raw DEFLATE (HTTP-Redirect binding), stopped as soon as the output passes the size bound. */
export function inflateBounded(bytes: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > INPUT_LIMITS.maxXmlBytes) {
      throw new SamlInputError(
        'too-large',
        `inflated SAML message is larger than ${INPUT_LIMITS.maxXmlBytes} bytes`,
      );
    }
    chunks.push(chunk);
  });
  try {
    // In small pieces: fflate inflates all it is given before calling back, and DEFLATE expands
    // up to 1032 times, so a whole 3 MB input could become 3 GB before the limit is checked.
    // A piece of CHUNK bytes yields at most about 1 MB, then the callback can stop it.
    let at = 0;
    do {
      const end = Math.min(at + CHUNK, bytes.length);
      inflater.push(bytes.subarray(at, end), end === bytes.length);
      at = end;
    } while (at < bytes.length);
  } catch (error) {
    if (error instanceof SamlInputError) throw error;
    throw new SamlInputError(
      'inflate-failed',
      'value is neither XML nor DEFLATE-compressed XML (HTTP-Redirect)',
    );
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
