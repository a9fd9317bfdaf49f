import { randomBytes } from 'node:crypto';
import { SAML_STATUS_SUCCESS } from '../../core/inspect.ts';
import type { NameIdFormat } from '../config/types.ts';
import type { MappedAttribute } from '../mapping/evaluate.ts';
import { escapeXml as x } from './xml-text.ts';

export const NAME_ID_FORMAT_URIS: Record<NameIdFormat, string> = {
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
};

export interface ResponseParts {
  issuer: string;
  /** The ACS URL: Destination and SubjectConfirmationData Recipient. */
  acsUrl: string;
  audience: string;
  nameId: string;
  nameIdFormat: NameIdFormat;
  attributes: MappedAttribute[];
  inResponseTo?: string;
  validSeconds: number;
  now: Date;
}

export interface UnsignedResponse {
  xml: string;
  responseId: string;
  assertionId: string;
}

/** A fresh XML ID: starts with a letter-like character as xs:ID requires, unique per call. */
export function newSamlId(): string {
  return `_${randomBytes(20).toString('hex')}`;
}

function instant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Builds an unsigned SAML 2.0 Response with one bearer Assertion, as AWS expects it. */
export function buildResponse(parts: ResponseParts): UnsignedResponse {
  const responseId = newSamlId();
  const assertionId = newSamlId();
  const now = instant(parts.now);
  const notOnOrAfter = instant(new Date(parts.now.getTime() + parts.validSeconds * 1000));
  const inResponseTo = parts.inResponseTo ? ` InResponseTo="${x(parts.inResponseTo)}"` : '';
  const attributes = parts.attributes.map(
    (a) =>
      `<saml:Attribute Name="${x(a.name)}"${a.friendlyName ? ` FriendlyName="${x(a.friendlyName)}"` : ''} NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">` +
      a.values
        .map((v) => `<saml:AttributeValue xsi:type="xs:string">${x(v)}</saml:AttributeValue>`)
        .join('') +
      '</saml:Attribute>',
  );
  const xml =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${responseId}" Version="2.0" IssueInstant="${now}" Destination="${x(parts.acsUrl)}"${inResponseTo}>` +
    `<saml:Issuer>${x(parts.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${SAML_STATUS_SUCCESS}"/></samlp:Status>` +
    `<saml:Assertion xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${assertionId}" Version="2.0" IssueInstant="${now}">` +
    `<saml:Issuer>${x(parts.issuer)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="${NAME_ID_FORMAT_URIS[parts.nameIdFormat]}">${x(parts.nameId)}</saml:NameID>` +
    '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">' +
    `<saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}" Recipient="${x(parts.acsUrl)}"${inResponseTo}/>` +
    '</saml:SubjectConfirmation></saml:Subject>' +
    `<saml:Conditions NotBefore="${now}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${x(parts.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${now}" SessionIndex="${assertionId}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    (attributes.length > 0
      ? `<saml:AttributeStatement>${attributes.join('')}</saml:AttributeStatement>`
      : '') +
    '</saml:Assertion></samlp:Response>';
  return { xml, responseId, assertionId };
}
