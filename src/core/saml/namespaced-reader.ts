import type { NamespaceProblems } from './namespace-problems.ts';
import { USUAL_PREFIX } from './namespaces.ts';
import type { XmlElement } from './xml-scan.ts';

/** `lenient`: also read an element in no namespace (reported); `strict`: only the namespace. */
export type Reading = 'lenient' | 'strict';

/**
 * Finds elements by namespace URI and local name, as AWS does. An element in another namespace
 * is never read, however it is named. One in no namespace (or with a prefix nothing declares) is
 * what a misconfigured IdP sends: AWS refuses it, but a debugger shows it, so a lenient reading
 * takes it. Either way the problem is recorded.
 */
export class NamespacedReader {
  constructor(private readonly problems: NamespaceProblems) {}

  child(
    node: XmlElement | undefined,
    namespace: string,
    name: string,
    reading: Reading = 'lenient',
  ): XmlElement | undefined {
    if (!node) return undefined;
    for (const element of node.children)
      if (element.name === name && this.accepts(element, namespace, reading)) return element;
    return undefined;
  }

  children(
    node: XmlElement | undefined,
    namespace: string,
    name: string,
    reading: Reading = 'lenient',
  ): XmlElement[] {
    if (!node) return [];
    return node.children.filter(
      (element) => element.name === name && this.accepts(element, namespace, reading),
    );
  }

  /** Whether this element, already known by its local name, is read as `namespace`'s. */
  accepts(element: XmlElement, namespace: string, reading: Reading = 'lenient'): boolean {
    const actual = element.namespace ?? '';
    if (actual === namespace) return true;
    const written = element.prefix ? `${element.prefix}:${element.name}` : element.name;
    const usual = USUAL_PREFIX[namespace] ?? 'p';
    const fix = `declare xmlns:${usual}="${namespace}" and write <${usual}:${element.name}>`;
    if (actual === '') {
      // An undeclared prefix was reported by the scan; no namespace at all is reported here.
      if (!element.prefix)
        this.problems.add(
          `<${written}> is in no namespace, not ${namespace}${reading === 'strict' ? ', so it is not read' : ''}; ${fix}`,
        );
      return reading === 'lenient';
    }
    this.problems.add(
      `<${written}> is in the namespace ${actual}, not ${namespace}, so it is not read; ${fix}`,
    );
    return false;
  }
}
