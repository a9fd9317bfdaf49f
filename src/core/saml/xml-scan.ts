import { SamlInputError } from '../errors.ts';
import { INPUT_LIMITS } from '../limits.ts';

/** An element: local name, attributes by qualified name, child elements and direct text. */
export interface XmlElement {
  /** Local name (prefix removed): SAML is read by local name whatever prefix an IdP picks. */
  name: string;
  /**
   * Qualified name and raw value, alternating. Elements carry one to four attributes, so a flat
   * list is faster to build and search than a map, and no name can reach a prototype.
   */
  attributes: string[];
  children: XmlElement[];
  /** Direct text and CDATA, raw: character references are decoded by the reader. */
  text: string;
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTRIBUTE = /\s*([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;

/**
 * A strict, non-validating XML scanner for one document: well-formed tags that must balance, no
 * DTD (refused), no entity expansion, bounded depth. Written for the SAML hot path: it only
 * slices the source, and reports any malformation with its line and column.
 */
export function scanXml(xml: string): XmlElement {
  const stack: XmlElement[] = [];
  const qnames: string[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const length = xml.length;
  while (i < length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > i) {
      const current = stack[stack.length - 1];
      if (current) current.text += xml.slice(i, textEnd);
      else if (/\S/.test(xml.slice(i, textEnd))) fail(xml, i, 'text outside the document element');
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 47 /* / */) {
      NAME.lastIndex = lt + 2;
      const match = NAME.exec(xml);
      const expected = qnames.pop();
      if (!match || match[0] !== expected) {
        fail(
          xml,
          lt,
          expected
            ? `expected </${expected}> but found </${match?.[0] ?? ''}`
            : `closing tag </${match?.[0] ?? ''}> has no opening tag`,
        );
      }
      const close = xml.indexOf('>', NAME.lastIndex);
      if (close < 0 || /\S/.test(xml.slice(NAME.lastIndex, close)))
        fail(xml, lt, `malformed closing tag </${match[0]}`);
      stack.pop();
      i = close + 1;
    } else if (next === 33 /* ! */) {
      i = skipMarkupDeclaration(xml, lt, stack[stack.length - 1]);
    } else if (next === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) fail(xml, lt, 'unterminated processing instruction');
      i = end + 2;
    } else {
      NAME.lastIndex = lt + 1;
      const match = NAME.exec(xml);
      if (!match) fail(xml, lt, "'<' is not followed by an element name");
      const qname = match[0];
      const element: XmlElement = {
        name: localName(qname),
        attributes: [],
        children: [],
        text: '',
      };
      let at = NAME.lastIndex;
      for (;;) {
        ATTRIBUTE.lastIndex = at;
        const attribute = ATTRIBUTE.exec(xml);
        if (!attribute) break;
        const name = attribute[1]!;
        if (attributeValue(element, name) !== undefined)
          fail(xml, at, `attribute ${name} appears twice`);
        element.attributes.push(name, attribute[2] ?? attribute[3] ?? '');
        at = ATTRIBUTE.lastIndex;
      }
      TAG_END.lastIndex = at;
      const end = TAG_END.exec(xml);
      if (!end) fail(xml, at, `malformed start tag <${qname}`);
      i = TAG_END.lastIndex;
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) fail(xml, lt, 'a second document element');
      else root = element;
      if (end[1] !== '/') {
        if (stack.length >= INPUT_LIMITS.maxDepth) {
          throw new SamlInputError(
            'too-deep',
            `the XML nests elements deeper than ${INPUT_LIMITS.maxDepth} levels (at ${position(xml, lt)})`,
          );
        }
        stack.push(element);
        qnames.push(qname);
      }
    }
  }
  if (qnames.length) fail(xml, length, `the document ends before </${qnames[qnames.length - 1]}>`);
  if (!root) fail(xml, 0, 'no document element');
  return root;
}

function skipMarkupDeclaration(xml: string, lt: number, current: XmlElement | undefined): number {
  if (xml.startsWith('<!--', lt)) {
    const end = xml.indexOf('-->', lt + 4);
    if (end < 0) fail(xml, lt, 'unterminated comment');
    return end + 3;
  }
  if (xml.startsWith('<![CDATA[', lt)) {
    const end = xml.indexOf(']]>', lt + 9);
    if (end < 0 || !current)
      fail(xml, lt, current ? 'unterminated CDATA section' : 'CDATA outside the document element');
    // Escaped so the reader's reference decoding leaves CDATA text exactly as written.
    current.text += xml.slice(lt + 9, end).replace(/&/g, '&amp;');
    return end + 3;
  }
  throw new SamlInputError(
    'doctype-forbidden',
    `a DOCTYPE or other declaration at ${position(xml, lt)}; SAML never needs one, so it is refused`,
  );
}

/** The raw value of the attribute with that qualified name. */
export function attributeValue(element: XmlElement, name: string): string | undefined {
  const list = element.attributes;
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

function position(xml: string, index: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = xml.indexOf('\n'); i >= 0 && i < index; i = xml.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${index - lineStart + 1}`;
}

function fail(xml: string, index: number, what: string): never {
  throw new SamlInputError(
    'not-xml',
    `the SAML message is not well-formed XML: ${what} at ${position(xml, index)}`,
  );
}
