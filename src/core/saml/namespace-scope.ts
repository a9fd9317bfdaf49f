export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/**
 * The `xmlns` bindings in scope while scanning: one map plus an undo log, so a lookup costs one
 * map read however many declarations a hostile document nests, and an element that declares
 * nothing (nearly all of them) costs nothing here.
 */
export class NamespaceScope {
  /** Prefix to URI; a Map, so no prefix reaches a prototype. */
  private readonly bindings = new Map<string, string>([['xml', XML_NAMESPACE]]);
  /** The default namespace ('' for none), read for every unprefixed element. */
  defaultNamespace = '';
  /** Changes whenever a binding does, so a caller may keep a lookup until then. */
  version = 0;
  private readonly undoPrefixes: string[] = [];
  private readonly undoUris: (string | undefined)[] = [];
  private readonly undoDepths: number[] = [];

  /** Binds a prefix ('' for the default namespace) for the element at `depth` and below. */
  declare(prefix: string, uri: string, depth: number): void {
    this.version++;
    this.undoPrefixes.push(prefix);
    this.undoDepths.push(depth);
    if (prefix === '') {
      this.undoUris.push(this.defaultNamespace);
      this.defaultNamespace = uri;
    } else {
      this.undoUris.push(this.bindings.get(prefix));
      this.bindings.set(prefix, uri);
    }
  }

  /** The URI bound to a prefix, if any. */
  lookup(prefix: string): string | undefined {
    return prefix === '' ? this.defaultNamespace : this.bindings.get(prefix);
  }

  /** Ends the element at `depth`: its declarations go out of scope. */
  close(depth: number): void {
    const depths = this.undoDepths;
    while (depths.length > 0 && depths[depths.length - 1]! >= depth) {
      depths.pop();
      this.version++;
      const prefix = this.undoPrefixes.pop()!;
      const previous = this.undoUris.pop();
      if (prefix === '') this.defaultNamespace = previous ?? '';
      else if (previous === undefined) this.bindings.delete(prefix);
      else this.bindings.set(prefix, previous);
    }
  }
}
