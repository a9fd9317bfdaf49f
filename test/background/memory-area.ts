import type { KeyValueArea } from '../../src/platform/types.ts';

/** An in-memory storage area that, like the browser's, stores structured clones. */
export function memoryArea(
  initial: Record<string, unknown> = {},
): KeyValueArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    data,
    get: async (key) => structuredClone(data.get(key)),
    getAll: async () => structuredClone(Object.fromEntries(data)),
    set: async (key, value) => void data.set(key, structuredClone(value)),
    remove: async (key) => {
      for (const k of Array.isArray(key) ? key : [key]) data.delete(k);
    },
  };
}
