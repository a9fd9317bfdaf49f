import { XMLParser } from 'fast-xml-parser';
import { SamlInputError } from '../errors.ts';
import { INPUT_LIMITS } from '../limits.ts';

/** An element as fast-xml-parser gives it: attributes under '@name', text under '#text'. */
export type XmlNode = { [key: string]: XmlNode[] | XmlNode | string | undefined };

// Elements that may repeat are always arrays, so readers never branch on shape.
const ALWAYS_ARRAY = new Set([
  'Assertion',
  'EncryptedAssertion',
  'AttributeStatement',
  'Attribute',
  'AttributeValue',
  'AudienceRestriction',
  'Audience',
  'SubjectConfirmation',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: INPUT_LIMITS.maxDepth,
  // The signature's inside is kept as raw text: only three attributes are read from it, and not
  // building its tree (certificates, transforms) is a large share of the parse time saved.
  stopNodes: ['*.Signature'],
  isArray: (name) => ALWAYS_ARRAY.has(name),
});

/** Parses XML into a tree. DOCTYPE has already been refused; entities are never expanded. */
export function parseXmlTree(xml: string): XmlNode {
  try {
    return parser.parse(xml) as XmlNode;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/nest/i.test(reason)) {
      throw new SamlInputError(
        'too-deep',
        `the XML nests elements deeper than ${INPUT_LIMITS.maxDepth} levels`,
      );
    }
    throw new SamlInputError(
      'not-xml',
      `the SAML message is not well-formed XML: ${firstLine(reason)}`,
    );
  }
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.slice(0, 200);
}

/** The first child element of that local name, if any. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const value = node?.[name];
  if (value === undefined || typeof value === 'string')
    return typeof value === 'string' ? { '#text': value } : undefined;
  return Array.isArray(value) ? value[0] : value;
}

/** Every child element of that local name. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'string' ? { '#text': item } : item));
}

export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** The text content of an element (direct text only, as SAML values are). */
export function text(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  const value = node['#text'];
  return typeof value === 'string' ? value : undefined;
}
