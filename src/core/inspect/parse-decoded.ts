import { cutOffDocumentError } from '../input/truncation.ts';
import type { DecodedInput } from '../input/types.ts';
import { isSamlInputError } from '../errors.ts';
import type { SamlMessage } from '../saml/model.ts';
import { parseSamlXml } from '../saml/parse.ts';

/**
 * Parses decoded input. A pasted document that ends early is reported as the cut-off copy it
 * likely is; a browser's POST keeps the scanner's words.
 */
export function parseDecoded(input: DecodedInput): SamlMessage {
  try {
    return parseSamlXml(input.xml);
  } catch (error) {
    if (input.pasted && isSamlInputError(error) && error.code === 'truncated')
      throw cutOffDocumentError(error, input);
    throw error;
  }
}
