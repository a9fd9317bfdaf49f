import { randomBytes } from 'node:crypto';
import { SAML_STATUS_SUCCESS } from '../../core/inspect.ts';
import type { NameIdFormat } from '../config/types.ts';
import { escapeXml as x } from './xml-text.ts';

export const NAME_ID_FORMAT_URIS: Record<NameIdFormat, string> = {
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
};

const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
const PROTOCOL_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';

/** One attribute of the AttributeStatement. */
export interface ResponseAttribute {
  name: string;
  values: readonly string[];
  friendlyName?: string | undefined;
}

/**
 * Every part of a Response as written. The IdP fills it from a user and an application
 * (`buildResponse`); tests fill it directly to get the odd shapes real IdPs send.
 */
export interface ResponseXmlParts {
  responseId: string;
  assertionId: string;
  issuer: string;
  /** The Response's Destination; null leaves the attribute out. */
  destination: string | null;
  /** SubjectConfirmationData Recipient; null leaves the attribute out. */
  recipient: string | null;
  /** The one Audience; null leaves the AudienceRestriction out. */
  audience: string | null;
  inResponseTo?: string | undefined;
  /** Top-level StatusCode; Success unless given. */
  statusCode?: string | undefined;
  nameId: string;
  /** The NameID Format URI. */
  nameIdFormat: string;
  /** IssueInstant of both elements and the AuthnInstant. */
  issueInstant: string;
  notBefore: string;
  notOnOrAfter: string;
  attributes: readonly ResponseAttribute[];
  /** Prefix of the assertion namespace ('saml', 'saml2', ...); '' declares it as the default. */
  prefix?: string | undefined;
  /** XML placed right after each Issuer, where an enveloped signature goes. */
  responseSignature?: string | undefined;
  assertionSignature?: string | undefined;
  /** Starts with an XML declaration naming UTF-8. */
  xmlDeclaration?: boolean | undefined;
  /** Only the Assertion, as some tools hand it over. */
  bareAssertion?: boolean | undefined;
}

/** Writes a SAML 2.0 Response (or bare Assertion) with one bearer Assertion; values are escaped. */
export function buildResponseXml(parts: ResponseXmlParts): string {
  const prefix = parts.prefix ?? 'saml';
  const t = (name: string) => (prefix ? `${prefix}:${name}` : name);
  // Declared on the Issuer and the Assertion, not the root, so a test can remove or rename the
  // assertion namespace without touching the protocol one.
  const ns = prefix ? `xmlns:${prefix}="${ASSERTION_NS}"` : `xmlns="${ASSERTION_NS}"`;
  const inResponseTo =
    parts.inResponseTo === undefined ? '' : ` InResponseTo="${x(parts.inResponseTo)}"`;
  const attributes = parts.attributes.map(
    (a) =>
      `<${t('Attribute')} Name="${x(a.name)}"${a.friendlyName ? ` FriendlyName="${x(a.friendlyName)}"` : ''} NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">` +
      a.values
        .map((v) => `<${t('AttributeValue')} xsi:type="xs:string">${x(v)}</${t('AttributeValue')}>`)
        .join('') +
      `</${t('Attribute')}>`,
  );
  const recipient = parts.recipient === null ? '' : ` Recipient="${x(parts.recipient)}"`;
  const audience =
    parts.audience === null
      ? ''
      : `<${t('AudienceRestriction')}><${t('Audience')}>${x(parts.audience)}</${t('Audience')}></${t('AudienceRestriction')}>`;
  const assertion =
    `<${t('Assertion')} ${ns} xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${x(parts.assertionId)}" IssueInstant="${x(parts.issueInstant)}" Version="2.0">` +
    `<${t('Issuer')}>${x(parts.issuer)}</${t('Issuer')}>${parts.assertionSignature ?? ''}` +
    `<${t('Subject')}><${t('NameID')} Format="${x(parts.nameIdFormat)}">${x(parts.nameId)}</${t('NameID')}>` +
    `<${t('SubjectConfirmation')} Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<${t('SubjectConfirmationData')} NotOnOrAfter="${x(parts.notOnOrAfter)}"${recipient}${inResponseTo}/>` +
    `</${t('SubjectConfirmation')}></${t('Subject')}>` +
    `<${t('Conditions')} NotBefore="${x(parts.notBefore)}" NotOnOrAfter="${x(parts.notOnOrAfter)}">${audience}</${t('Conditions')}>` +
    `<${t('AuthnStatement')} AuthnInstant="${x(parts.issueInstant)}" SessionIndex="${x(parts.assertionId)}"><${t('AuthnContext')}><${t('AuthnContextClassRef')}>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</${t('AuthnContextClassRef')}></${t('AuthnContext')}></${t('AuthnStatement')}>` +
    // SAML's schema wants at least one Attribute in an AttributeStatement.
    (attributes.length > 0
      ? `<${t('AttributeStatement')}>${attributes.join('')}</${t('AttributeStatement')}>`
      : '') +
    `</${t('Assertion')}>`;
  const declaration = parts.xmlDeclaration ? '<?xml version="1.0" encoding="UTF-8"?>' : '';
  if (parts.bareAssertion) return declaration + assertion;
  const destination = parts.destination === null ? '' : ` Destination="${x(parts.destination)}"`;
  return (
    `${declaration}<samlp:Response xmlns:samlp="${PROTOCOL_NS}" ID="${x(parts.responseId)}" Version="2.0" IssueInstant="${x(parts.issueInstant)}"${destination}${inResponseTo}>` +
    `<${t('Issuer')} ${ns}>${x(parts.issuer)}</${t('Issuer')}>${parts.responseSignature ?? ''}` +
    `<samlp:Status><samlp:StatusCode Value="${x(parts.statusCode ?? SAML_STATUS_SUCCESS)}"/></samlp:Status>` +
    assertion +
    '</samlp:Response>'
  );
}

/** What the IdP knows when it answers: a user's NameID and attributes for one application. */
export interface ResponseParts {
  issuer: string;
  /** The ACS URL: Destination and SubjectConfirmationData Recipient. */
  acsUrl: string;
  audience: string;
  nameId: string;
  nameIdFormat: NameIdFormat;
  attributes: readonly ResponseAttribute[];
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

/** Builds the IdP's unsigned Response, valid from now for `validSeconds`, as AWS expects it. */
export function buildResponse(parts: ResponseParts): UnsignedResponse {
  const responseId = newSamlId();
  const assertionId = newSamlId();
  const now = instant(parts.now);
  const xml = buildResponseXml({
    responseId,
    assertionId,
    issuer: parts.issuer,
    destination: parts.acsUrl,
    recipient: parts.acsUrl,
    audience: parts.audience,
    inResponseTo: parts.inResponseTo || undefined,
    nameId: parts.nameId,
    nameIdFormat: NAME_ID_FORMAT_URIS[parts.nameIdFormat],
    issueInstant: now,
    notBefore: now,
    notOnOrAfter: instant(new Date(parts.now.getTime() + parts.validSeconds * 1000)),
    attributes: parts.attributes,
  });
  return { xml, responseId, assertionId };
}
