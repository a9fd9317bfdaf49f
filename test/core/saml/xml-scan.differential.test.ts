// The scanner against two independent parsers on generated well-formed documents with random
// prefixes and declarations: @xmldom/xmldom for namespaces, and fast-xml-parser for the tree.
import { DOMParser, type Element as DomElement } from '@xmldom/xmldom';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { decodeCharacterReferences } from '../../../src/core/encoding/entities.ts';
import { scanXmlDocument, type XmlElement } from '../../../src/core/saml/xml-scan.ts';

const PREFIXES = ['a', 'b', 'saml', 'ds'];
const URIS = [
  'urn:oasis:names:tc:SAML:2.0:assertion',
  'urn:oasis:names:tc:SAML:2.0:protocol',
  'http://www.w3.org/2000/09/xmldsig#',
  'urn:x',
];
const LOCALS = ['Assertion', 'Signature', 'r', 'x.y', 'a-b', '_c'];
const ATTRIBUTE_LOCALS = ['ID', 'Name', 'lang', 'v', 'constructor', '__proto__'];
// fast-xml-parser refuses prototype names outright, so its comparison uses others in their place.
const PLAIN_ATTRIBUTE_LOCALS = ['ID', 'Name', 'lang', 'v', 'w', 'x'];
// Text with references, markup characters escaped, and non-ASCII; no '\r' (XML normalises it).
const text = fc
  .array(fc.constantFrom('t', ' ', '\n', '&amp;', '&lt;', '&#233;', '&#x41;', 'é', '"', "'", '>'), {
    maxLength: 6,
  })
  .map((parts) => parts.join(''));
const attributeValue = fc
  .array(fc.constantFrom('v', ' ', '&amp;', '&quot;', 'é', '>', '#'), { maxLength: 5 })
  .map((parts) => parts.join(''));

interface Shape {
  declarations: { prefix: number; uri: number }[];
  defaultUri: number | null;
  prefix: number;
  local: number;
  attributes: { prefix: number; local: number; value: string }[];
  text: string[];
  cdata: boolean;
  children: Shape[];
}

function shape(depth: number): fc.Arbitrary<Shape> {
  return fc.record({
    declarations: fc.array(
      fc.record({ prefix: fc.nat(PREFIXES.length - 1), uri: fc.nat(URIS.length - 1) }),
      { maxLength: 2 },
    ),
    // URIS.length stands for xmlns="" (no default namespace from here down).
    defaultUri: fc.option(fc.nat(URIS.length), { nil: null }),
    prefix: fc.nat(9),
    local: fc.nat(LOCALS.length - 1),
    attributes: fc.array(
      fc.record({
        prefix: fc.nat(9),
        local: fc.nat(ATTRIBUTE_LOCALS.length - 1),
        value: attributeValue,
      }),
      { maxLength: 4 },
    ),
    text: fc.array(text, { minLength: 1, maxLength: 4 }),
    cdata: fc.boolean(),
    children: depth === 0 ? fc.constant([]) : fc.array(shape(depth - 1), { maxLength: 3 }),
  });
}
const documents = (attributeLocals: readonly string[]) =>
  fc
    .tuple(shape(4), fc.boolean(), fc.boolean())
    .map(([root, declaration, comment]) => render(root, declaration, comment, attributeLocals));

/** Renders a shape, using only prefixes in scope, so the document is namespace-well-formed. */
function render(
  root: Shape,
  declaration: boolean,
  comment: boolean,
  attributeLocals: readonly string[],
): string {
  const element = (node: Shape, scope: readonly string[]): string => {
    const declared = new Map<string, string>();
    for (const { prefix, uri } of node.declarations) declared.set(PREFIXES[prefix]!, URIS[uri]!);
    const inScope = [...new Set([...scope, ...declared.keys()])];
    const pick = (choice: number) => (choice < inScope.length ? inScope[choice]! : '');
    const prefix = pick(node.prefix);
    const qname = prefix ? `${prefix}:${LOCALS[node.local]!}` : LOCALS[node.local]!;
    const parts = [...declared].map(([p, uri]) => ` xmlns:${p}="${uri}"`);
    if (node.defaultUri !== null) parts.push(` xmlns="${URIS[node.defaultUri] ?? ''}"`);
    // One attribute per local name: two prefixes bound to one URI could otherwise name one twice.
    const locals = new Set<string>();
    for (const attribute of node.attributes) {
      const local = attributeLocals[attribute.local]!;
      if (locals.has(local)) continue;
      locals.add(local);
      const p = pick(attribute.prefix);
      parts.push(` ${p ? `${p}:` : ''}${local}="${attribute.value}"`);
    }
    const inner = node.children.map(
      (child, i) => `${node.text[i % node.text.length]!}${element(child, inScope)}`,
    );
    const cdata = node.cdata ? '<![CDATA[<raw> & "x"]]>' : '';
    return `<${qname}${parts.join('')}>${inner.join('')}${cdata}${node.text.at(-1)!}</${qname}>`;
  };
  return `${declaration ? '<?xml version="1.0" encoding="UTF-8"?>\n' : ''}${comment ? '<!-- c -->' : ''}${element(root, [])}`;
}

/** What both sides are compared on: names, namespaces, attributes and decoded text. */
interface Node {
  name: string;
  namespace: string;
  attributes: string[];
  text: string;
  children: Node[];
}

function fromScan(element: XmlElement): Node {
  const attributes: string[] = [];
  for (let i = 0; i < element.attributes.length; i += 3) {
    const qname = element.attributes[i]!;
    attributes.push(
      `${element.attributes[i + 1]!} ${qname.slice(qname.indexOf(':') + 1)}=${decodeCharacterReferences(element.attributes[i + 2]!)}`,
    );
  }
  return {
    name: element.name,
    namespace: element.namespace ?? '',
    attributes: attributes.sort(),
    text: decodeCharacterReferences(element.text),
    children: element.children.map(fromScan),
  };
}

function fromDom(element: DomElement): Node {
  const attributes: string[] = [];
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes.item(i)!;
    if (attribute.name === 'xmlns' || attribute.prefix === 'xmlns') continue;
    attributes.push(`${attribute.namespaceURI ?? ''} ${attribute.localName}=${attribute.value}`);
  }
  let text = '';
  const children: Node[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE) children.push(fromDom(node as DomElement));
    else if (node.nodeType === node.TEXT_NODE || node.nodeType === node.CDATA_SECTION_NODE)
      text += node.nodeValue ?? '';
  }
  return {
    name: element.localName ?? '',
    namespace: element.namespaceURI ?? '',
    attributes: attributes.sort(),
    text,
    children,
  };
}

interface Tree {
  name: string;
  attributes: string[];
  text: string;
  children: Tree[];
}

function scanTree(element: XmlElement, qnameOf: (e: XmlElement) => string): Tree {
  const attributes: string[] = [];
  for (let i = 0; i < element.attributes.length; i += 3)
    attributes.push(`${element.attributes[i]!}=${element.attributes[i + 2]!}`);
  return {
    name: qnameOf(element),
    attributes: attributes.sort(),
    text: element.text,
    children: element.children.map((child) => scanTree(child, qnameOf)),
  };
}

type FxpNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function fxpTree(node: FxpNode): Tree {
  const name = Object.keys(node).find((key) => key !== ':@')!;
  const attributes = Object.entries(node[':@'] ?? {})
    .filter(([key]) => key !== 'xmlns' && !key.startsWith('xmlns:'))
    .map(([key, value]) => `${key}=${value}`);
  let text = '';
  const children: Tree[] = [];
  for (const child of node[name] as FxpNode[]) {
    if ('#text' in child) text += String(child['#text']);
    // The scanner keeps text raw, references undecoded, so it escapes CDATA's '&' the same way.
    else if ('#cdata' in child)
      text += String((child['#cdata'] as FxpNode[])[0]?.['#text'] ?? '').replaceAll('&', '&amp;');
    else children.push(fxpTree(child));
  }
  return { name, attributes: attributes.sort(), text, children };
}

const fxp = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  commentPropName: false,
});

// Generated documents are parsed three ways; a shared machine needs more than the default 5 s.
const GENEROUS_MS = 60_000;

describe('scanXml against other parsers', () => {
  it(
    'agrees with @xmldom/xmldom on names, namespaces, attributes and text',
    () => {
      fc.assert(
        fc.property(documents(ATTRIBUTE_LOCALS), (xml) => {
          const scan = scanXmlDocument(xml);
          expect(scan.namespaceProblems).toEqual([]);
          const dom = new DOMParser({
            onError: (level, message) => {
              throw new Error(`xmldom ${level}: ${message}`);
            },
          }).parseFromString(xml, 'text/xml');
          expect(fromScan(scan.root)).toEqual(fromDom(dom.documentElement!));
        }),
        { numRuns: 300 },
      );
    },
    GENEROUS_MS,
  );

  it(
    'agrees with fast-xml-parser on the element tree, attributes and text',
    () => {
      fc.assert(
        fc.property(documents(PLAIN_ATTRIBUTE_LOCALS), (xml) => {
          const root = scanXmlDocument(xml).root;
          const parsed = (fxp.parse(xml) as FxpNode[]).filter((node) => !('#text' in node));
          expect(parsed).toHaveLength(1);
          const qnameOf = (e: XmlElement) => (e.prefix ? `${e.prefix}:${e.name}` : e.name);
          expect(scanTree(root, qnameOf)).toEqual(fxpTree(parsed[0]!));
        }),
        { numRuns: 300 },
      );
    },
    GENEROUS_MS,
  );

  it('reports an undeclared prefix, as xmldom does, and still reads the element', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PREFIXES), fc.constantFrom(...LOCALS), (prefix, local) => {
        const xml = `<r><${prefix}:${local} ${prefix}:v="1"/></r>`;
        const scan = scanXmlDocument(xml);
        expect(scan.namespaceProblems).toHaveLength(1);
        expect(scan.namespaceProblems[0]).toContain(`"${prefix}"`);
        expect(scan.root.children[0]).toMatchObject({ name: local, prefix, namespace: '' });
        const errors: string[] = [];
        const quiet = new DOMParser({ onError: (_level, message) => errors.push(message) });
        expect(() => quiet.parseFromString(xml, 'text/xml')).toThrow();
        expect(errors.join(' ')).toMatch(/prefix is non-null and namespace is null/);
      }),
    );
  });
});
