import { decodeBase64, stripBase64Whitespace } from '../encoding/index.ts';
import { SamlInputError } from '../errors.ts';
import { INPUT_LIMITS } from '../limits.ts';
import { findEmbeddedFormBody, findJsonFields } from './embedded.ts';
import { looksLikeFormBody, parseFormBody, percentDecode } from './form-body.ts';
import { extractHtmlFormFields, looksLikeHtml } from './html-form.ts';
import { inflateBounded } from './inflate.ts';
import { jwtMistakeError, namedJwtMistakeError } from './jwt.ts';
import type { DecodedInput, InputForm } from './types.ts';
import {
  decodeBase64Value,
  fromXml,
  MIN_RESPONSE_BASE64,
  STANDARD_BASE64,
  type ValueFields as Fields,
} from './value.ts';
import { startsWithMarkup, xmlTextFromBytes } from './xml-bytes.ts';

/**
 * Turns whatever a user pasted or a browser captured into SAML XML, detecting the form: base64
 * (any wrapping, with or without padding), URL-encoded, a form body or URL, an HTML page with the
 * form, HTTP-Redirect (deflate), raw XML, SOAP/ECP or a bare Assertion. A browser's POST, whose
 * fields are already known, takes the shorter way: decodePostedForm.
 */
export function decodeInput(input: string): DecodedInput {
  return { ...decodeText(input), pasted: true };
}

function decodeText(input: string): DecodedInput {
  if (input.length > INPUT_LIMITS.maxInputChars) {
    throw new SamlInputError(
      'too-large',
      `input is ${input.length} characters; the limit is ${INPUT_LIMITS.maxInputChars}`,
    );
  }
  const text = input.trim();
  // Any real SAMLResponse is thousands of characters; short texts such as "SAMLResponse=" (which
  // is valid base64 too) take the careful path.
  if (text.length >= MIN_RESPONSE_BASE64 && STANDARD_BASE64.test(text))
    return fromValue({ form: 'base64', value: text });
  if (text === '')
    throw new SamlInputError(
      'empty',
      'input is empty: paste a SAMLResponse, a form body, an HTML page or XML',
    );
  if (text.startsWith('<') && !looksLikeHtml(text)) return fromXml(text, undefined);
  const jwt = jwtMistakeError(text);
  if (jwt) throw jwt;
  try {
    return fromValue(findFields(text));
  } catch (error) {
    // Text with no SAMLResponse in it may still hold a token: say so rather than "not base64".
    const unusable =
      error instanceof SamlInputError &&
      (error.code === 'form-field-missing' || error.code === 'not-base64');
    throw (unusable && namedJwtMistakeError(text)) || error;
  }
}

function findFields(text: string): Fields {
  if (text.startsWith('<') || looksLikeHtml(text)) {
    const found = extractHtmlFormFields(text);
    return fieldsFrom(found, 'html-form', 'the HTML page has no SAMLResponse form field');
  }
  if (text.startsWith('{') || text.startsWith('[')) {
    const json = findJsonFields(text);
    if (json)
      return fieldsFrom(
        json,
        'json',
        'the JSON has no SAMLResponse field (as a key, a HAR param or a form body)',
      );
  }
  if (looksLikeFormBody(text)) {
    const query = /^[a-z]+:\/\/[^?]*\?/i.exec(text);
    const body = (query ? text.slice(query[0].length) : text).split('#')[0]!;
    return fieldsFrom(parseFormBody(body), 'form-body', 'the form body has no SAMLResponse field');
  }
  const embedded = findEmbeddedFormBody(text);
  if (embedded)
    return fieldsFrom(embedded, 'http-request', 'the request has no SAMLResponse field');
  if (/%[0-9a-fA-F]{2}/.test(text))
    return { form: 'url-encoded', value: percentDecode(text, 'the value', false) };
  return { form: 'base64', value: text };
}

function fieldsFrom(found: Map<string, string>, form: InputForm, missing: string): Fields {
  const value = found.get('SAMLResponse');
  if (value === undefined) {
    const request = found.has('SAMLRequest')
      ? ' (it carries a SAMLRequest, which is an AuthnRequest, not a response)'
      : '';
    throw new SamlInputError('form-field-missing', missing + request);
  }
  const relayState = found.get('RelayState');
  const roleIndex = found.get('roleIndex');
  return {
    form,
    value,
    ...(relayState ? { relayState } : {}),
    ...(roleIndex ? { roleIndex } : {}),
  };
}

function fromValue(fields: Fields): DecodedInput {
  return decodeBase64Value({ ...fields, pasted: true }, (bytes, compact) => {
    const nested = nestedBase64(bytes);
    if (nested) return fromValue({ ...fields, value: nested });
    const inflated = inflateBounded(bytes);
    if (!startsWithMarkup(inflated)) {
      throw new SamlInputError(
        'not-xml',
        'the decoded value is not XML (nor DEFLATE-compressed XML)',
      );
    }
    return fromXml(xmlTextFromBytes(inflated), {
      form: 'redirect',
      base64Length: compact.length,
      relayState: fields.relayState,
      roleIndex: fields.roleIndex,
    });
  });
}

/**
 * Some tools hand over a value base64-encoded twice. Decoded once, that is pure base64 text again;
 * one more level is followed, never more (fromValue only recurses when the text shrinks to XML).
 */
function nestedBase64(bytes: Uint8Array): string | undefined {
  if (bytes.length < 8) return undefined;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    const base64 =
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x30 && c <= 0x39) ||
      c === 0x2b ||
      c === 0x2f ||
      c === 0x3d;
    if (!base64 && c !== 0x0a && c !== 0x0d) return undefined;
  }
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]!);
  const compact = stripBase64Whitespace(text);
  try {
    return startsWithMarkup(decodeBase64(compact)) ? compact : undefined;
  } catch {
    return undefined;
  }
}
