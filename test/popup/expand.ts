import type { ComponentChildren, VNode } from 'preact';

// No DOM in these tests: a hook-free tree can be expanded by calling each component, and a test
// reads the text and element types a person would get.
export function expand(node: ComponentChildren): { text: string; tags: string[] } {
  if (node === null || node === undefined || typeof node === 'boolean')
    return { text: '', tags: [] };
  if (typeof node === 'string' || typeof node === 'number') return { text: String(node), tags: [] };
  if (Array.isArray(node)) {
    const parts = node.map(expand);
    return { text: parts.map((p) => p.text).join(''), tags: parts.flatMap((p) => p.tags) };
  }
  const vnode = node as VNode<{ children?: ComponentChildren }>;
  if (typeof vnode.type === 'function')
    return expand((vnode.type as (props: object) => ComponentChildren)(vnode.props));
  const inner = expand(vnode.props.children);
  return { text: inner.text, tags: [vnode.type, ...inner.tags] };
}
