import { decodeCharacterReferences } from '../encoding/entities.ts';
import { SamlInputError } from '../errors.ts';
import { rootElementName } from '../input/xml-root.ts';
import type { SamlAttribute, SamlMessage, SignatureInfo } from './model.ts';
import { readSignature } from './signature.ts';
import { scanXml } from './xml-scan.ts';
import { attribute, child, children, type XmlElement } from './xml-tree.ts';

/** Reads a SAML Response (or bare Assertion, or one inside a SOAP/ECP envelope) into the model. */
export function parseSamlXml(xml: string): SamlMessage {
  const root = rootElementName(xml);
  const top = scanXml(xml);
  const message =
    root === 'Envelope'
      ? (child(child(top, 'Body'), 'Response') ?? child(child(top, 'Body'), 'Assertion'))
      : top;
  if (!message)
    throw new SamlInputError(
      'no-saml-message',
      'the SOAP envelope has no SAML Response or Assertion in its Body',
    );
  const isResponse =
    root === 'Response' ||
    (root === 'Envelope' && child(child(top, 'Body'), 'Response') !== undefined);
  return isResponse ? readResponse(message) : readAssertionOnly(message);
}

function value(node: XmlElement | undefined): string | undefined {
  const raw = node?.text;
  return raw === undefined ? undefined : decodeCharacterReferences(raw);
}

function attr(node: XmlElement | undefined, name: string): string | undefined {
  const raw = attribute(node, name);
  return raw === undefined ? undefined : decodeCharacterReferences(raw);
}

function readResponse(response: XmlElement): SamlMessage {
  const assertion = children(response, 'Assertion')[0];
  const statusNode = child(response, 'Status');
  const statusCode = child(statusNode, 'StatusCode');
  const signatures: SignatureInfo[] = [];
  const responseSignature = readSignature(response, 'response', attr(response, 'ID'));
  if (responseSignature) signatures.push(responseSignature);
  const message: SamlMessage = {
    kind: 'response',
    status: {},
    audiences: [],
    signatures,
    encryptedAssertion: children(response, 'EncryptedAssertion').length > 0,
    attributes: [],
  };
  assign(message, {
    responseId: attr(response, 'ID'),
    inResponseTo: attr(response, 'InResponseTo'),
    issueInstant: attr(response, 'IssueInstant'),
    destination: attr(response, 'Destination'),
    issuer: value(child(response, 'Issuer'))?.trim(),
  });
  assign(message.status, {
    code: attr(statusCode, 'Value'),
    subCode: attr(child(statusCode, 'StatusCode'), 'Value'),
    message: value(child(statusNode, 'StatusMessage')),
  });
  if (assertion) readAssertion(assertion, message);
  return message;
}

function readAssertionOnly(assertion: XmlElement): SamlMessage {
  const message: SamlMessage = {
    kind: 'assertion',
    status: {},
    audiences: [],
    signatures: [],
    encryptedAssertion: false,
    attributes: [],
  };
  readAssertion(assertion, message);
  return message;
}

function readAssertion(assertion: XmlElement, message: SamlMessage): void {
  const id = attr(assertion, 'ID');
  const signature = readSignature(assertion, 'assertion', id);
  if (signature) message.signatures.push(signature);
  const subject = child(assertion, 'Subject');
  const nameIdNode = child(subject, 'NameID');
  const confirmation = child(
    children(subject, 'SubjectConfirmation')[0],
    'SubjectConfirmationData',
  );
  const conditions = child(assertion, 'Conditions');
  const authn = child(assertion, 'AuthnStatement');
  assign(message, {
    assertionId: id,
    issuer: message.issuer ?? value(child(assertion, 'Issuer'))?.trim(),
    issueInstant: message.issueInstant ?? attr(assertion, 'IssueInstant'),
    recipient: attr(confirmation, 'Recipient'),
    subjectNotOnOrAfter: attr(confirmation, 'NotOnOrAfter'),
    inResponseTo: message.inResponseTo ?? attr(confirmation, 'InResponseTo'),
    notBefore: attr(conditions, 'NotBefore'),
    notOnOrAfter: attr(conditions, 'NotOnOrAfter'),
    authnInstant: attr(authn, 'AuthnInstant'),
    sessionIndex: attr(authn, 'SessionIndex'),
  });
  if (nameIdNode) {
    const format = attr(nameIdNode, 'Format');
    message.nameId = { value: (value(nameIdNode) ?? '').trim(), ...(format ? { format } : {}) };
  }
  for (const restriction of children(conditions, 'AudienceRestriction')) {
    for (const audience of children(restriction, 'Audience'))
      message.audiences.push((value(audience) ?? '').trim());
  }
  for (const statement of children(assertion, 'AttributeStatement')) {
    for (const node of children(statement, 'Attribute'))
      message.attributes.push(readAttribute(node));
  }
}

function readAttribute(node: XmlElement): SamlAttribute {
  const attributeValue: SamlAttribute = { name: attr(node, 'Name') ?? '', values: [] };
  const friendlyName = attr(node, 'FriendlyName');
  const nameFormat = attr(node, 'NameFormat');
  if (friendlyName !== undefined) attributeValue.friendlyName = friendlyName;
  if (nameFormat !== undefined) attributeValue.nameFormat = nameFormat;
  for (const element of node.children) {
    if (element.name === 'AttributeValue')
      attributeValue.values.push(decodeCharacterReferences(textContent(element)));
  }
  return attributeValue;
}

/** All text inside an element: an AttributeValue may hold an element (a NameID, say) rather than text. */
function textContent(element: XmlElement): string {
  if (element.children.length === 0) return element.text;
  return element.text + element.children.map(textContent).join('');
}

/** Copies only the defined fields, so the model never carries `key: undefined`. */
function assign<T extends object>(target: T, fields: { [K in keyof T]?: T[K] | undefined }): void {
  for (const key of Object.keys(fields) as (keyof T)[]) {
    const field = fields[key];
    if (field !== undefined) target[key] = field as T[keyof T];
  }
}
