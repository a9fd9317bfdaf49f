import { Inflate } from 'fflate';
import { SamlInputError } from '../errors.ts';
import { INPUT_LIMITS } from '../limits.ts';

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
    inflater.push(bytes, true);
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
