import { inflateRawSync } from 'node:zlib';
import {
  decodeBase64,
  decodeUtf8,
  isSamlInputError,
  stripBase64Whitespace,
} from '../../core/inspect.ts';
import { attributeText, children, elementText } from '../../core/xml.ts';
import { parseForeignXml, XmlInputError } from './xml-text.ts';

/** What SP-initiated SSO needs from an AuthnRequest. */
export interface AuthnRequest {
  id: string;
  /** The SP's entity ID, matched against an application's audience. */
  issuer: string;
  acsUrl?: string;
  relayState?: string;
}

const MAX_XML_BYTES = 100_000;
const MAX_ID_LENGTH = 256;

/**
 * Decodes an AuthnRequest from the HTTP-Redirect binding (raw DEFLATE, base64) or the HTTP-POST
 * binding (base64). Signatures on requests are not checked: the metadata says none are wanted.
 */
export function decodeAuthnRequest(
  samlRequest: string,
  binding: 'redirect' | 'post',
): AuthnRequest {
  const bytes = decodeSamlRequestBase64(samlRequest);
  let xml: string;
  if (binding === 'redirect') {
    let inflated: Uint8Array;
    try {
      inflated = inflateRawSync(bytes, { maxOutputLength: MAX_XML_BYTES });
    } catch {
      throw new XmlInputError(
        'SAMLRequest could not be inflated (the HTTP-Redirect binding uses raw DEFLATE)',
      );
    }
    xml = decodeSamlRequestUtf8(inflated);
  } else {
    if (bytes.length > MAX_XML_BYTES)
      throw new XmlInputError(`SAMLRequest is larger than ${MAX_XML_BYTES} bytes`);
    xml = decodeSamlRequestUtf8(bytes);
  }
  return parseAuthnRequest(xml);
}

// The core's strict decoders, as for SAML responses: Buffer would drop a dangling base64 character
// and turn invalid UTF-8 into U+FFFD, so the IdP and the extension could read different text.
function decodeSamlRequestBase64(samlRequest: string): Uint8Array {
  const compact = stripBase64Whitespace(samlRequest);
  if (compact === '') throw new XmlInputError('SAMLRequest is empty');
  try {
    return decodeBase64(compact);
  } catch (error) {
    if (isSamlInputError(error)) throw new XmlInputError(`SAMLRequest: ${error.message}`);
    throw error;
  }
}

function decodeSamlRequestUtf8(bytes: Uint8Array): string {
  try {
    return decodeUtf8(bytes, 'the SAMLRequest');
  } catch (error) {
    if (isSamlInputError(error)) throw new XmlInputError(error.message);
    throw error;
  }
}

export function parseAuthnRequest(xml: string): AuthnRequest {
  const root = parseForeignXml(xml, 'the AuthnRequest');
  const request = children(root, 'AuthnRequest')[0];
  if (!request) throw new XmlInputError('SAMLRequest is not an AuthnRequest');
  const id = attributeText(request, 'ID');
  if (!id) throw new XmlInputError('the AuthnRequest has no ID');
  // The ID is kept while the user signs in and echoed as InResponseTo: a bounded size keeps the
  // pending-request store's memory bounded too.
  if (id.length > MAX_ID_LENGTH)
    throw new XmlInputError(
      `the AuthnRequest ID is ${id.length} characters; at most ${MAX_ID_LENGTH} are accepted`,
    );
  const issuer = elementText(children(request, 'Issuer')[0])?.trim();
  if (!issuer) throw new XmlInputError('the AuthnRequest has no Issuer (the SP entity ID)');
  const acsUrl = attributeText(request, 'AssertionConsumerServiceURL');
  return { id, issuer, ...(acsUrl ? { acsUrl } : {}) };
}
