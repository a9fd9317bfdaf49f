// Readers over the scanner's elements, shared by the SAML parser, the STS client and the IdP.
import { attributeValue, type XmlElement } from './xml-scan.ts';

export type { XmlElement } from './xml-scan.ts';

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
