import {
  decodeBase64,
  encodeBase64,
  looksLikeBase64,
  stripBase64Whitespace,
} from '../encoding/index.ts';
import { decodeUtf8 } from '../encoding/utf8.ts';
import { SamlInputError } from '../errors.ts';
import { INPUT_LIMITS } from '../limits.ts';
import { looksLikeFormBody, parseFormBody, percentDecode } from './form-body.ts';
import { extractHtmlFormFields, looksLikeHtml } from './html-form.ts';
import { inflateBounded } from './inflate.ts';
import type { DecodedInput, InputForm } from './types.ts';
import { rootElementName } from './xml-root.ts';

interface Fields {
  form: InputForm;
  value: string;
  relayState?: string;
  roleIndex?: string;
}

/**
 * Turns whatever a user pasted or a browser captured into SAML XML, detecting the form: base64
 * (any wrapping, with or without padding), URL-encoded, a form body or URL, an HTML page with the
 * form, HTTP-Redirect (deflate), raw XML, SOAP/ECP or a bare Assertion.
 */
export function decodeInput(input: string): DecodedInput {
  if (input.length > INPUT_LIMITS.maxInputChars) {
    throw new SamlInputError(
      'too-large',
      `input is ${input.length} characters; the limit is ${INPUT_LIMITS.maxInputChars}`,
    );
  }
  const text = input.trim();
  if (text === '')
    throw new SamlInputError(
      'empty',
      'input is empty: paste a SAMLResponse, a form body, an HTML page or XML',
    );
  if (text.startsWith('<') && !looksLikeHtml(text)) return fromXml(text, undefined);
  const fields = findFields(text);
  return fromValue(fields);
}

function findFields(text: string): Fields {
  if (text.startsWith('<') || looksLikeHtml(text)) {
    const found = extractHtmlFormFields(text);
    return fieldsFrom(found, 'html-form', 'the HTML page has no SAMLResponse form field');
  }
  if (looksLikeFormBody(text)) {
    const query = /^[a-z]+:\/\/[^?]*\?/i.exec(text);
    const body = (query ? text.slice(query[0].length) : text).split('#')[0]!;
    return fieldsFrom(parseFormBody(body), 'form-body', 'the form body has no SAMLResponse field');
  }
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
  const compact = stripBase64Whitespace(fields.value);
  if (compact === '') throw new SamlInputError('empty', 'the SAMLResponse value is empty');
  if (!looksLikeBase64(compact)) {
    const bad = /[^A-Za-z0-9+/=_-]/.exec(compact);
    const where = bad ? `: ${JSON.stringify(bad[0])} at position ${bad.index + 1}` : '';
    throw new SamlInputError('not-base64', `the SAMLResponse value is not base64${where}`);
  }
  const bytes = decodeBase64(compact);
  const standard = /[-_]/.test(compact) ? undefined : compact;
  const extras = { relayState: fields.relayState, roleIndex: fields.roleIndex };
  if (startsWithMarkup(bytes)) {
    return fromXml(decodeXmlBytes(bytes), {
      form: fields.form,
      samlResponse: standard,
      base64Length: compact.length,
      ...extras,
    });
  }
  const inflated = inflateBounded(bytes);
  if (!startsWithMarkup(inflated)) {
    throw new SamlInputError(
      'not-xml',
      'the decoded value is not XML (nor DEFLATE-compressed XML)',
    );
  }
  return fromXml(decodeXmlBytes(inflated), {
    form: 'redirect',
    base64Length: compact.length,
    ...extras,
  });
}

function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes.length > INPUT_LIMITS.maxXmlBytes) {
    throw new SamlInputError(
      'too-large',
      `decoded SAML message is ${bytes.length} bytes; the limit is ${INPUT_LIMITS.maxXmlBytes}`,
    );
  }
  return decodeUtf8(bytes, 'the decoded SAML message');
}

/** After an optional UTF-8 BOM and whitespace, is the first byte '<'? */
function startsWithMarkup(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  return bytes[i] === 0x3c;
}

interface Carried {
  form: InputForm;
  samlResponse?: string | undefined;
  base64Length: number;
  relayState?: string | undefined;
  roleIndex?: string | undefined;
}

function fromXml(xml: string, carried: Carried | undefined): DecodedInput {
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
