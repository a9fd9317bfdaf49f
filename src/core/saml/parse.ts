import { decodeCharacterReferences } from '../encoding/entities.ts';
import { SamlInputError } from '../errors.ts';
import { rootElementName } from '../input/xml-root.ts';
import type { SamlAttribute, SamlMessage, SignatureInfo } from './model.ts';
import { NamespaceProblems } from './namespace-problems.ts';
import { NamespacedReader } from './namespaced-reader.ts';
import { NS } from './namespaces.ts';
import { readSignature } from './signature.ts';
import { scanXmlDocument } from './xml-scan.ts';
import { attributeText, elementText, type XmlElement } from './xml-tree.ts';

const { assertion: SAML, protocol: SAMLP } = NS;

/**
 * Reads a SAML Response (or bare Assertion, or one inside a SOAP/ECP envelope) into the model,
 * by namespace and local name as AWS does; namespace problems are listed in the model.
 */
export function parseSamlXml(xml: string): SamlMessage {
  const root = rootElementName(xml);
  const problems = new NamespaceProblems();
  const top = scanXmlDocument(xml, problems).root;
  const reader = new NamespacedReader(problems);
  let message: XmlElement | undefined = top;
  let isResponse = root === 'Response';
  if (root === 'Envelope') {
    const soap = top.namespace === NS.soap12 ? NS.soap12 : NS.soap11;
    requireNamespace(reader, top, soap);
    const body = reader.child(top, soap, 'Body');
    const response = reader.child(body, SAMLP, 'Response');
    isResponse = response !== undefined;
    message = response ?? reader.child(body, SAML, 'Assertion');
  } else requireNamespace(reader, top, isResponse ? SAMLP : SAML);
  if (!message)
    throw new SamlInputError(
      'no-saml-message',
      'the SOAP envelope has no SAML Response or Assertion in its Body',
    );
  const read = new SamlReader(reader);
  const saml = isResponse ? read.response(message) : read.assertionOnly(message);
  saml.namespaceProblems = problems.list();
  return saml;
}

/** A document element in another namespace holds nothing AWS would read as SAML. */
function requireNamespace(reader: NamespacedReader, top: XmlElement, namespace: string): void {
  if (reader.accepts(top, namespace)) return;
  throw new SamlInputError(
    'no-saml-message',
    `the document element <${top.prefix ? `${top.prefix}:` : ''}${top.name}> is in the namespace ${top.namespace ?? ''}, not ${namespace}, so it is not SAML and AWS refuses it`,
  );
}

class SamlReader {
  constructor(private readonly xml: NamespacedReader) {}

  response(response: XmlElement): SamlMessage {
    const { xml } = this;
    const assertion = xml.child(response, SAML, 'Assertion');
    const statusNode = xml.child(response, SAMLP, 'Status');
    const statusCode = xml.child(statusNode, SAMLP, 'StatusCode');
    const signatures: SignatureInfo[] = [];
    const responseSignature = readSignature(
      xml,
      response,
      'response',
      attributeText(response, 'ID'),
    );
    if (responseSignature) signatures.push(responseSignature);
    const message: SamlMessage = {
      kind: 'response',
      status: {},
      audiences: [],
      signatures,
      encryptedAssertion: xml
        .children(response, SAML, 'EncryptedAssertion')
        // Only real XML-Enc content hides an assertion; an empty wrapper must not quiet the rules.
        .some((wrapper) => xml.child(wrapper, NS.xenc, 'EncryptedData', 'strict') !== undefined),
      attributes: [],
      namespaceProblems: [],
    };
    assign(message, {
      responseId: attributeText(response, 'ID'),
      inResponseTo: attributeText(response, 'InResponseTo'),
      issueInstant: attributeText(response, 'IssueInstant'),
      destination: attributeText(response, 'Destination'),
      issuer: elementText(xml.child(response, SAML, 'Issuer'))?.trim(),
    });
    assign(message.status, {
      code: attributeText(statusCode, 'Value'),
      subCode: attributeText(xml.child(statusCode, SAMLP, 'StatusCode'), 'Value'),
      message: elementText(xml.child(statusNode, SAMLP, 'StatusMessage')),
    });
    if (assertion) this.assertion(assertion, message);
    return message;
  }

  assertionOnly(assertion: XmlElement): SamlMessage {
    const message: SamlMessage = {
      kind: 'assertion',
      status: {},
      audiences: [],
      signatures: [],
      encryptedAssertion: false,
      attributes: [],
      namespaceProblems: [],
    };
    this.assertion(assertion, message);
    return message;
  }

  private assertion(assertion: XmlElement, message: SamlMessage): void {
    const { xml } = this;
    const id = attributeText(assertion, 'ID');
    const signature = readSignature(xml, assertion, 'assertion', id);
    if (signature) message.signatures.push(signature);
    const subject = xml.child(assertion, SAML, 'Subject');
    const nameIdNode = xml.child(subject, SAML, 'NameID');
    const confirmation = xml.child(
      xml.child(subject, SAML, 'SubjectConfirmation'),
      SAML,
      'SubjectConfirmationData',
    );
    const conditions = xml.child(assertion, SAML, 'Conditions');
    const authn = xml.child(assertion, SAML, 'AuthnStatement');
    assign(message, {
      assertionId: id,
      issuer: message.issuer ?? elementText(xml.child(assertion, SAML, 'Issuer'))?.trim(),
      issueInstant: message.issueInstant ?? attributeText(assertion, 'IssueInstant'),
      recipient: attributeText(confirmation, 'Recipient'),
      subjectNotOnOrAfter: attributeText(confirmation, 'NotOnOrAfter'),
      inResponseTo: message.inResponseTo ?? attributeText(confirmation, 'InResponseTo'),
      notBefore: attributeText(conditions, 'NotBefore'),
      notOnOrAfter: attributeText(conditions, 'NotOnOrAfter'),
      authnInstant: attributeText(authn, 'AuthnInstant'),
      sessionIndex: attributeText(authn, 'SessionIndex'),
    });
    if (nameIdNode) {
      const format = attributeText(nameIdNode, 'Format');
      message.nameId = {
        value: (elementText(nameIdNode) ?? '').trim(),
        ...(format ? { format } : {}),
      };
    }
    for (const restriction of xml.children(conditions, SAML, 'AudienceRestriction')) {
      for (const audience of xml.children(restriction, SAML, 'Audience'))
        message.audiences.push((elementText(audience) ?? '').trim());
    }
    for (const statement of xml.children(assertion, SAML, 'AttributeStatement')) {
      for (const node of xml.children(statement, SAML, 'Attribute'))
        message.attributes.push(this.attribute(node));
    }
  }

  private attribute(node: XmlElement): SamlAttribute {
    const read: SamlAttribute = { name: attributeText(node, 'Name') ?? '', values: [] };
    const friendlyName = attributeText(node, 'FriendlyName');
    const nameFormat = attributeText(node, 'NameFormat');
    if (friendlyName !== undefined) read.friendlyName = friendlyName;
    if (nameFormat !== undefined) read.nameFormat = nameFormat;
    for (const value of this.xml.children(node, SAML, 'AttributeValue'))
      read.values.push(decodeCharacterReferences(textContent(value)));
    return read;
  }
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
