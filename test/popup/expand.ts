import type { ComponentChildren, VNode } from 'preact';

// No DOM in these tests: a hook-free tree can be expanded by calling each component, and a test
// reads the text and element types a person would get, or the elements with their attributes.
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

export interface ExpandedElement {
  tag: string;
  props: Record<string, unknown>;
  /** Its text as a screen reader reads it: without aria-hidden parts. */
  spoken: string;
  children: ExpandedElement[];
}

/** The element tree of a hook-free component tree (components called, DOM elements kept). */
export function elements(node: ComponentChildren): ExpandedElement[] {
  if (node === null || node === undefined || typeof node === 'boolean') return [];
  if (typeof node === 'string' || typeof node === 'number') return [];
  if (Array.isArray(node)) return node.flatMap(elements);
  const vnode = node as VNode<{ children?: ComponentChildren }>;
  if (typeof vnode.type === 'function')
    return elements((vnode.type as (props: object) => ComponentChildren)(vnode.props));
  return [
    {
      tag: String(vnode.type),
      props: vnode.props as Record<string, unknown>,
      spoken: spoken(vnode.props.children).replace(/\s+/g, ' ').trim(),
      children: elements(vnode.props.children),
    },
  ];
}

function spoken(node: ComponentChildren): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(spoken).join('');
  const vnode = node as VNode<{ children?: ComponentChildren; 'aria-hidden'?: unknown }>;
  if (typeof vnode.type === 'function')
    return spoken((vnode.type as (props: object) => ComponentChildren)(vnode.props));
  if (vnode.props['aria-hidden'] === 'true' || vnode.props['aria-hidden'] === true) return '';
  return spoken(vnode.props.children);
}

/** Every element of the trees, depth first. */
export function flatten(list: ExpandedElement[]): ExpandedElement[] {
  return list.flatMap((element) => [element, ...flatten(element.children)]);
}
