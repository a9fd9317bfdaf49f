import { XMLParser } from 'fast-xml-parser';

/** Escapes text for an XML/HTML attribute value or element content. */
export function escapeXml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Escapes element content only (quotes stay as they are, as AWS's XML shows them). */
export function escapeXmlText(value: string): string {
  return value.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

/** Thrown for XML the IdP reads from outside (AuthnRequests, SP metadata) that it refuses. */
export class XmlInputError extends Error {
  override readonly name = 'XmlInputError';
}

/** An element as fast-xml-parser gives it: attributes under '@name', text under '#text'. */
export type XmlElement = { [key: string]: (XmlElement | string)[] | string | undefined };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 64,
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

/**
 * Parses small XML documents from outside. A DOCTYPE is refused outright so no entity is ever
 * declared, let alone expanded; `what` names the document in the error.
 */
export function parseForeignXml(xml: string, what: string): XmlElement {
  if (/<!DOCTYPE/i.test(xml))
    throw new XmlInputError(
      `${what} contains a DOCTYPE, which is refused (entities are never expanded)`,
    );
  try {
    return parser.parse(xml, true) as XmlElement;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
    throw new XmlInputError(`${what} is not well-formed XML: ${reason}`);
  }
}

/** Child elements of that local name; a text-only child comes back as `{ '#text': ... }`. */
export function childElements(node: XmlElement | undefined, name: string): XmlElement[] {
  const value = node?.[name];
  if (!Array.isArray(value)) return [];
  return value.map((item) => (typeof item === 'string' ? { '#text': item } : item));
}

export function attributeOf(node: XmlElement | undefined, name: string): string | undefined {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

export function textOf(node: XmlElement | undefined): string | undefined {
  const value = node?.['#text'];
  return typeof value === 'string' ? value : undefined;
}
