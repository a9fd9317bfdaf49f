import { inflateRawSync } from 'node:zlib';
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
  const compact = samlRequest.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact))
    throw new XmlInputError('SAMLRequest is not base64');
  const bytes = Buffer.from(compact, 'base64');
  let xml: string;
  if (binding === 'redirect') {
    try {
      xml = inflateRawSync(bytes, { maxOutputLength: MAX_XML_BYTES }).toString('utf8');
    } catch {
      throw new XmlInputError(
        'SAMLRequest could not be inflated (the HTTP-Redirect binding uses raw DEFLATE)',
      );
    }
  } else {
    if (bytes.length > MAX_XML_BYTES)
      throw new XmlInputError(`SAMLRequest is larger than ${MAX_XML_BYTES} bytes`);
    xml = bytes.toString('utf8');
  }
  return parseAuthnRequest(xml);
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
