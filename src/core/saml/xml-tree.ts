import { attributeValue, scanXml, type XmlElement } from './xml-scan.ts';

export type { XmlElement } from './xml-scan.ts';

/** Scans one XML document. DOCTYPE is refused; entities are never expanded. */
export function parseXmlTree(xml: string): XmlElement {
  return scanXml(xml);
}

/** The first child element of that local name, if any. */
export function child(node: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!node) return undefined;
  for (const element of node.children) if (element.name === name) return element;
  return undefined;
}

/** Every child element of that local name. */
export function children(node: XmlElement | undefined, name: string): XmlElement[] {
  return node ? node.children.filter((element) => element.name === name) : [];
}

export function attribute(node: XmlElement | undefined, name: string): string | undefined {
  return node ? attributeValue(node, name) : undefined;
}

/** The direct text of an element, raw (SAML values have no mixed content). */
export function text(node: XmlElement | undefined): string | undefined {
  return node?.text;
}
