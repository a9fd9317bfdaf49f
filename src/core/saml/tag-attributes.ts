// The attributes of one start tag: duplicate names, `xmlns` declarations and prefixed names.
import type { NamespaceProblems } from './namespace-problems.ts';
import { XML_NAMESPACE, type NamespaceScope } from './namespace-scope.ts';
import { fail, position } from './xml-error.ts';

const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
/** Up to this many attributes a linear duplicate check beats building a set. */
export const FEW_ATTRIBUTES = 8;

/**
 * Whether `name` is already among the names of a flat list (entries `stride` apart): linear for
 * the usual handful, then through a set built once and kept up to date, so thousands stay linear.
 */
export function repeats(
  list: string[],
  stride: number,
  name: string,
  seen: Set<string> | undefined,
) {
  if (!seen) {
    for (let k = 0; k < list.length; k += stride) if (list[k] === name) return true;
    return false;
  }
  if (seen.has(name)) return true;
  seen.add(name);
  return false;
}

/** The set for `repeats` once a list outgrows a linear scan, else undefined. */
export function namesOnceMany(list: string[], stride: number, seen: Set<string> | undefined) {
  if (seen || list.length < FEW_ATTRIBUTES * stride) return seen;
  const names = new Set<string>();
  for (let k = 0; k < list.length; k += stride) names.add(list[k]!);
  return names;
}

/** Binds the element's `xmlns` and `xmlns:p` declarations (name, value pairs). */
export function declareAll(
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
      problems.addCounted(
        () => `${name}="${uri}" at ${position(xml, lt)} is a reserved binding XML forbids`,
      );
      continue;
    }
    if (prefix !== '' && uri === '') {
      problems.addCounted(
        () => `${name}="" at ${position(xml, lt)} undeclares a prefix, which XML 1.0 forbids`,
      );
      continue;
    }
    scope.declare(prefix, uri, depth);
  }
}

/** Fills in the namespace of each prefixed attribute (an unprefixed one has none). */
export function resolveAttributes(
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
