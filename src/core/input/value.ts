import {
  decodeBase64,
  encodeBase64,
  looksLikeBase64,
  stripBase64Whitespace,
} from '../encoding/index.ts';
import { SamlInputError } from '../errors.ts';
import { INPUT_LIMITS } from '../limits.ts';
import { percentDecode } from './form-body.ts';
import type { DecodedInput, InputForm } from './types.ts';
import { cutOffBase64Error } from './truncation.ts';
import { startsWithMarkup, xmlTextFromBytes } from './xml-bytes.ts';
import { rootElementName } from './xml-root.ts';

/** A SAMLResponse value and the form fields that travel with it. */
export interface ValueFields {
  form: InputForm;
  value: string;
  relayState?: string;
  roleIndex?: string;
  /** Pasted text, not a browser's POST: an impossible length is then a cut copy. */
  pasted?: boolean;
}

// Standard base64, nothing else: what a browser captures and most users paste. One scan decides
// it, and every other form check is skipped.
export const STANDARD_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Shorter than any real SAMLResponse (thousands of characters), longer than a typo. */
export const MIN_RESPONSE_BASE64 = 200;

/** The value as compact, standard base64 (whitespace, URL-encoding and base64url undone). */
function compactBase64(raw: string): { compact: string; standard: boolean } {
  if (STANDARD_BASE64.test(raw)) return { compact: raw, standard: true };
  // Base64 never contains '%': a value that does is still URL-encoded (HAR params, double-encoded posts).
  const value = raw.includes('%') ? percentDecode(raw, 'the SAMLResponse value', false) : raw;
  const compact = stripBase64Whitespace(value);
  if (compact === '') throw new SamlInputError('empty', 'the SAMLResponse value is empty');
  if (!looksLikeBase64(compact)) {
    const bad = /[^A-Za-z0-9+/=_-]/.exec(compact);
    const where = bad ? `: ${JSON.stringify(bad[0])} at position ${bad.index + 1}` : '';
    throw new SamlInputError('not-base64', `the SAMLResponse value is not base64${where}`);
  }
  return { compact, standard: !/[-_]/.test(compact) };
}

/**
 * Decodes a base64 SAMLResponse value to XML. When the bytes are not XML, `notMarkup` may still
 * make sense of them (encoded twice, HTTP-Redirect deflate); without it that is an error.
 */
export function decodeBase64Value(
  fields: ValueFields,
  notMarkup?: (bytes: Uint8Array, compact: string) => DecodedInput,
): DecodedInput {
  const { compact, standard } = compactBase64(fields.value);
  // One character past whole groups of 4 cannot be base64 at all; in a value this long it is a cut.
  if (fields.pasted && compact.length % 4 === 1 && compact.length >= MIN_RESPONSE_BASE64)
    throw cutOffBase64Error(compact.length);
  const bytes = decodeBase64(compact);
  if (!startsWithMarkup(bytes)) {
    if (notMarkup) return notMarkup(bytes, compact);
    throw new SamlInputError('not-xml', 'the SAMLResponse value does not decode to XML');
  }
  return fromXml(xmlTextFromBytes(bytes), {
    form: fields.form,
    samlResponse: standard ? compact : undefined,
    base64Length: compact.length,
    relayState: fields.relayState,
    roleIndex: fields.roleIndex,
  });
}

interface Carried {
  form: InputForm;
  samlResponse?: string | undefined;
  base64Length: number;
  relayState?: string | undefined;
  roleIndex?: string | undefined;
}

export function fromXml(xml: string, carried: Carried | undefined): DecodedInput {
  if (xml.length > INPUT_LIMITS.maxXmlBytes) {
    throw new SamlInputError(
      'too-large',
      `SAML message is ${xml.length} characters; the limit is ${INPUT_LIMITS.maxXmlBytes}`,
    );
  }
  const root = rootElementName(xml);
  const xmlForm: InputForm =
    root === 'Envelope' ? 'soap' : root === 'Assertion' ? 'assertion' : 'xml';
  const samlResponse = carried?.samlResponse ?? encodeBase64(xml);
  const decoded: DecodedInput = {
    form: carried?.form ?? xmlForm,
    xml,
    samlResponse,
    base64Length: carried?.base64Length ?? samlResponse.length,
  };
  if (carried?.relayState) decoded.relayState = carried.relayState;
  if (carried?.roleIndex) decoded.roleIndex = carried.roleIndex;
  return decoded;
}
