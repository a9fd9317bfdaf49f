export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/**
 * The `xmlns` bindings in scope while scanning: one map plus an undo log per open element, so a
 * lookup costs one map read however many declarations a hostile document nests.
 */
export class NamespaceScope {
  /** Prefix ('' for the default namespace) to URI; a Map, so no prefix reaches a prototype. */
  private readonly bindings = new Map<string, string>([['xml', XML_NAMESPACE]]);
  private readonly undoPrefixes: string[] = [];
  private readonly undoUris: (string | undefined)[] = [];
  private readonly marks: number[] = [];

  /** Starts an element's scope; its declarations follow, `close` ends it. */
  open(): void {
    this.marks.push(this.undoPrefixes.length);
  }

  declare(prefix: string, uri: string): void {
    this.undoPrefixes.push(prefix);
    this.undoUris.push(this.bindings.get(prefix));
    this.bindings.set(prefix, uri);
  }

  /** The URI bound to the prefix; the default namespace is '' when undeclared. */
  lookup(prefix: string): string | undefined {
    const uri = this.bindings.get(prefix);
    return uri === undefined && prefix === '' ? '' : uri;
  }

  close(): void {
    const mark = this.marks.pop() ?? 0;
    while (this.undoPrefixes.length > mark) {
      const prefix = this.undoPrefixes.pop()!;
      const previous = this.undoUris.pop();
      if (previous === undefined) this.bindings.delete(prefix);
      else this.bindings.set(prefix, previous);
    }
  }
}
