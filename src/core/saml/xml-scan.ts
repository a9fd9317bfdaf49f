import { SamlInputError } from '../errors.ts';
import { INPUT_LIMITS } from '../limits.ts';
import { NamespaceProblems } from './namespace-problems.ts';
import { NamespaceScope } from './namespace-scope.ts';
import {
  declareAll,
  FEW_ATTRIBUTES,
  namesOnceMany,
  repeats,
  resolveAttributes,
} from './tag-attributes.ts';
import { fail, failAtEnd, position } from './xml-error.ts';

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

const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTRIBUTE = /\s*([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;

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
  let cachedPrefix = '';
  let cachedVersion = -1;
  let cachedUri: string | undefined;
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
      // Checked first: a closing tag cut short would otherwise read as the wrong name.
      if (xml.indexOf('>', lt) < 0) failAtEnd(xml, lt, `the document ends inside a closing tag`);
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
      if (/\S/.test(xml.slice(NAME.lastIndex, close)))
        fail(xml, lt, `malformed closing tag </${match[0]}`);
      stack.pop();
      scope.close(stack.length);
      i = close + 1;
    } else if (next === 33 /* ! */) {
      i = skipMarkupDeclaration(xml, lt, stack[stack.length - 1]);
    } else if (next === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) failAtEnd(xml, lt, 'unterminated processing instruction');
      i = end + 2;
    } else {
      NAME.lastIndex = lt + 1;
      const match = NAME.exec(xml);
      if (!match) {
        if (lt === length - 1) failAtEnd(xml, lt, "the document ends after '<'");
        fail(xml, lt, "'<' is not followed by an element name");
      }
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
        if (seen === undefined && attributes.length < FEW_ATTRIBUTES * 3) {
          for (let k = 0; k < attributes.length; k += 3)
            if (attributes[k] === name) fail(xml, at, `attribute ${name} appears twice`);
        } else {
          seen = namesOnceMany(attributes, 3, seen);
          if (repeats(attributes, 3, name, seen)) fail(xml, at, `attribute ${name} appears twice`);
        }
        if (name.indexOf(':') >= 0) prefixed++;
        attributes.push(name, '', value);
        at = ATTRIBUTE.lastIndex;
      }
      TAG_END.lastIndex = at;
      const end = TAG_END.exec(xml);
      if (!end) {
        if (xml.indexOf('>', at) < 0)
          failAtEnd(xml, at, `the document ends inside the start tag <${qname}`);
        fail(xml, at, `malformed start tag <${qname}`);
      }
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
        // SAML repeats one or two prefixes throughout: reuse the last lookup while scope is unchanged.
        if (
          colon !== cachedPrefix.length ||
          cachedVersion !== scope.version ||
          !qname.startsWith(cachedPrefix)
        ) {
          cachedPrefix = qname.slice(0, colon);
          cachedVersion = scope.version;
          cachedUri = scope.lookup(cachedPrefix);
        }
        const prefix = cachedPrefix;
        if (colon === qname.length - 1 || qname.indexOf(':', colon + 1) >= 0)
          problems.addCounted(
            () => `<${qname}> at ${position(xml, lt)} is not a namespace-well-formed name`,
          );
        element = {
          name: qname.slice(colon + 1),
          namespace: cachedUri ?? resolve(prefix, `<${qname}>`, lt),
          prefix,
          attributes,
          children: [],
          text: '',
        };
      }
      if (prefixed > 0) resolveAttributes(xml, lt, attributes, prefixed, resolve);
      i = TAG_END.lastIndex;
      const parent = stack[stack.length - 1];
      // A first child gets an array of exactly one: pushing onto an empty array reserves room for
      // seventeen, and most elements have one child or none (deep nesting cost 20 MB that way).
      if (parent) {
        if (parent.children.length === 0) parent.children = [element];
        else parent.children.push(element);
      } else if (root) fail(xml, lt, 'a second document element');
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
  if (qnames.length)
    failAtEnd(xml, length, `the document ends before </${qnames[qnames.length - 1]}>`);
  if (!root) fail(xml, 0, 'no document element');
  return { root, namespaceProblems: problems.list() };
}

function skipMarkupDeclaration(xml: string, lt: number, current: XmlElement | undefined): number {
  if (xml.startsWith('<!--', lt)) {
    const end = xml.indexOf('-->', lt + 4);
    if (end < 0) failAtEnd(xml, lt, 'unterminated comment');
    return end + 3;
  }
  if (xml.startsWith('<![CDATA[', lt)) {
    const end = xml.indexOf(']]>', lt + 9);
    if (!current) fail(xml, lt, 'CDATA outside the document element');
    if (end < 0) failAtEnd(xml, lt, 'unterminated CDATA section');
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
