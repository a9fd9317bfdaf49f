// Readers over the scanner's elements, shared by the SAML parser, the STS client and the IdP.
import { decodeCharacterReferences } from '../encoding/entities.ts';
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

/** The element's direct text with character references decoded (the scanner keeps it raw). */
export function elementText(node: XmlElement | undefined): string | undefined {
  return node ? decodeCharacterReferences(node.text) : undefined;
}

/** An attribute's value with character references decoded. */
export function attributeText(node: XmlElement | undefined, name: string): string | undefined {
  const raw = attribute(node, name);
  return raw === undefined ? undefined : decodeCharacterReferences(raw);
}
