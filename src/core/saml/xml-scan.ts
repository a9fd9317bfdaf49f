import { SamlInputError } from '../errors.ts';
import { INPUT_LIMITS } from '../limits.ts';
import { NamespaceProblems } from './namespace-problems.ts';
import { NamespaceScope, XML_NAMESPACE } from './namespace-scope.ts';

/** An element: local name, namespace, attributes, child elements and direct text. */
export interface XmlElement {
  /** Local name (prefix removed); read it together with `namespace`, as AWS does. */
  name: string;
  /**
   * Namespace URI from the in-scope `xmlns` declarations: '' for none, and for a prefix nothing
   * declares (the scan reports that). Absent only on nodes built by hand.
   */
  namespace?: string;
  /** The prefix as written ('' for none), for messages. */
  prefix?: string;
  /**
   * Qualified name, namespace URI and raw value, in threes; `xmlns` declarations are not listed.
   * Elements carry one to four attributes, so a flat list is faster to build and search than a
   * map, and no name can reach a prototype.
   */
  attributes: string[];
  children: XmlElement[];
  /** Direct text and CDATA, raw: character references are decoded by the reader. */
  text: string;
}

/** The document element and the namespace problems met on the way (the scan goes on past them). */
export interface XmlScan {
  root: XmlElement;
  namespaceProblems: string[];
}

const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTRIBUTE = /\s*([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;
/** Up to this many attributes a linear duplicate check beats building a set. */
const FEW_ATTRIBUTES = 8;

/** The document element only, for readers that do not report namespace problems. */
export function scanXml(xml: string): XmlElement {
  return scanXmlDocument(xml).root;
}

/**
 * A strict, non-validating, namespace-aware XML scanner for one document: well-formed tags that
 * must balance, no DTD (refused), no entity expansion, bounded depth. Written for the SAML hot
 * path: it only slices the source, and reports any malformation with its line and column. A
 * prefix nothing declares is recorded, not thrown, so a debugger can still show the document.
 */
export function scanXmlDocument(
  xml: string,
  problems: NamespaceProblems = new NamespaceProblems(),
): XmlScan {
  const stack: XmlElement[] = [];
  const qnames: string[] = [];
  const scope = new NamespaceScope();
  const undeclared = new Set<string>();
  let root: XmlElement | undefined;
  let i = 0;
  const length = xml.length;
  const resolve = (prefix: string, what: string, at: number): string => {
    const uri = scope.lookup(prefix);
    if (uri !== undefined) return uri;
    if (problems.full) problems.count();
    else if (!undeclared.has(prefix)) {
      undeclared.add(prefix);
      problems.add(
        `the prefix "${prefix}" of ${what} at ${position(xml, at)} is not declared by any xmlns:${prefix}`,
      );
    }
    return '';
  };
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
      scope.close(stack.length);
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
      // Ordinary attributes go straight into the element (namespace filled in below, once this
      // tag's declarations are known); declarations go aside.
      const attributes: string[] = [];
      let declarations: string[] | undefined;
      let prefixed = 0;
      let seen: Set<string> | undefined;
      let seenDeclarations: Set<string> | undefined;
      let at = NAME.lastIndex;
      for (;;) {
        ATTRIBUTE.lastIndex = at;
        const attribute = ATTRIBUTE.exec(xml);
        if (!attribute) break;
        const name = attribute[1]!;
        const value = attribute[2] ?? attribute[3] ?? '';
        if (name.startsWith('xmlns') && (name.length === 5 || name.charCodeAt(5) === 58)) {
          declarations ??= [];
          seenDeclarations = namesOnceMany(declarations, 2, seenDeclarations);
          if (repeats(declarations, 2, name, seenDeclarations))
            fail(xml, at, `attribute ${name} appears twice`);
          declarations.push(name, value);
          at = ATTRIBUTE.lastIndex;
          continue;
        }
        seen = namesOnceMany(attributes, 3, seen);
        if (repeats(attributes, 3, name, seen)) fail(xml, at, `attribute ${name} appears twice`);
        if (name.indexOf(':') >= 0) prefixed++;
        attributes.push(name, '', value);
        at = ATTRIBUTE.lastIndex;
      }
      TAG_END.lastIndex = at;
      const end = TAG_END.exec(xml);
      if (!end) fail(xml, at, `malformed start tag <${qname}`);
      const depth = stack.length;
      if (declarations) declareAll(xml, lt, declarations, scope, depth, problems);
      const colon = qname.indexOf(':');
      let element: XmlElement;
      if (colon < 0) {
        element = {
          name: qname,
          namespace: scope.defaultNamespace,
          prefix: '',
          attributes,
          children: [],
          text: '',
        };
      } else {
        const prefix = qname.slice(0, colon);
        if (colon === qname.length - 1 || qname.indexOf(':', colon + 1) >= 0)
          problems.add(`<${qname}> at ${position(xml, lt)} is not a namespace-well-formed name`);
        element = {
          name: qname.slice(colon + 1),
          namespace: resolve(prefix, `<${qname}>`, lt),
          prefix,
          attributes,
          children: [],
          text: '',
        };
      }
      if (prefixed > 0) resolveAttributes(xml, lt, attributes, prefixed, resolve);
      i = TAG_END.lastIndex;
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) fail(xml, lt, 'a second document element');
      else root = element;
      if (end[1] === '/') {
        if (declarations) scope.close(depth);
      } else {
        if (depth >= INPUT_LIMITS.maxDepth) {
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
  return { root, namespaceProblems: problems.list() };
}

/**
 * Whether `name` is already among the names of a flat list (entries `stride` apart): linear for
 * the usual handful, then through a set built once and kept up to date, so thousands stay linear.
 */
function repeats(list: string[], stride: number, name: string, seen: Set<string> | undefined) {
  if (!seen) {
    for (let k = 0; k < list.length; k += stride) if (list[k] === name) return true;
    return false;
  }
  if (seen.has(name)) return true;
  seen.add(name);
  return false;
}

/** The set for `repeats` once a list outgrows a linear scan, else undefined. */
function namesOnceMany(list: string[], stride: number, seen: Set<string> | undefined) {
  if (seen || list.length < FEW_ATTRIBUTES * stride) return seen;
  const names = new Set<string>();
  for (let k = 0; k < list.length; k += stride) names.add(list[k]!);
  return names;
}

/** Binds the element's `xmlns` and `xmlns:p` declarations (name, value pairs). */
function declareAll(
  xml: string,
  lt: number,
  declarations: string[],
  scope: NamespaceScope,
  depth: number,
  problems: NamespaceProblems,
): void {
  for (let k = 0; k < declarations.length; k += 2) {
    const name = declarations[k]!;
    const prefix = name.length === 5 ? '' : name.slice(6);
    const uri = declarations[k + 1]!;
    if (
      prefix === 'xmlns' ||
      (prefix === 'xml') !== (uri === XML_NAMESPACE) ||
      uri === XMLNS_NAMESPACE
    ) {
      problems.add(`${name}="${uri}" at ${position(xml, lt)} is a reserved binding XML forbids`);
      continue;
    }
    if (prefix !== '' && uri === '') {
      problems.add(`${name}="" at ${position(xml, lt)} undeclares a prefix, which XML 1.0 forbids`);
      continue;
    }
    scope.declare(prefix, uri, depth);
  }
}

/** Fills in the namespace of each prefixed attribute (an unprefixed one has none). */
function resolveAttributes(
  xml: string,
  lt: number,
  attributes: string[],
  prefixed: number,
  resolve: (prefix: string, what: string, at: number) => string,
): void {
  for (let k = 0; k < attributes.length; k += 3) {
    const name = attributes[k]!;
    const colon = name.indexOf(':');
    if (colon >= 0) attributes[k + 1] = resolve(name.slice(0, colon), `the attribute ${name}`, lt);
  }
  // Two prefixes bound to one URI can name one attribute twice; XML Namespaces forbids that.
  if (prefixed < 2) return;
  const expanded = new Set<string>();
  for (let k = 0; k < attributes.length; k += 3) {
    const name = attributes[k]!;
    const colon = name.indexOf(':');
    if (colon < 0 || attributes[k + 1] === '') continue;
    const key = `${attributes[k + 1]!} ${name.slice(colon + 1)}`;
    if (expanded.has(key))
      fail(xml, lt, `attribute ${name} repeats another with its namespace and name`);
    expanded.add(key);
  }
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

/** The raw value of the attribute with that qualified name (unprefixed: in no namespace). */
export function attributeValue(element: XmlElement, name: string): string | undefined {
  const list = element.attributes;
  for (let i = 0; i < list.length; i += 3) if (list[i] === name) return list[i + 2];
  return undefined;
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
