import { SamlInputError } from '../errors.ts';
import type { DecodedInput } from './types.ts';

// Where long values get cut on their way to this tool: said once, for each way a cut shows.
const WHERE_COPIES_GET_CUT =
  "Copies are usually cut by a terminal's line or paste limit, by the browser devtools' " +
  '"Copy value" on a long form value, or by a clipboard manager: copy the whole SAMLResponse ' +
  'again (the extension captures it whole; devtools\' "Copy as cURL" or a saved HAR keeps it whole too).';

/** A value too long to be anything but a SAMLResponse, whose base64 misses part of a last group. */
export function cutOffBase64Error(base64Length: number): SamlInputError {
  return new SamlInputError(
    'truncated',
    `the SAMLResponse value looks cut off: ${base64Length} base64 characters arrived, which ` +
      `leaves an incomplete last group (base64 comes in groups of 4). ${WHERE_COPIES_GET_CUT}`,
  );
}

/**
 * The scanner's "the document ends before ..." (code `truncated`), told as the cut it most likely
 * is: how much arrived, and where copies get cut. The scanner's own words keep the position.
 */
export function cutOffDocumentError(scan: SamlInputError, input: DecodedInput): SamlInputError {
  const bytes = utf8Length(input.xml);
  const pasted = input.form !== 'xml' && input.form !== 'soap' && input.form !== 'assertion';
  const arrived = pasted
    ? `${bytes} bytes of XML arrived (from ${input.base64Length} base64 characters${
        input.base64Length % 4 === 0 ? '' : ', not a multiple of 4, so no closing padding either'
      })`
    : `${bytes} bytes of XML arrived`;
  const where = scan.message.replace(/^the SAML message is not well-formed XML: /, '');
  return new SamlInputError(
    'truncated',
    `the SAML message looks cut off: ${where}. ${arrived}. ${WHERE_COPIES_GET_CUT}`,
  );
}

/** UTF-8 length of a string without encoding it (one pass, no copy). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
