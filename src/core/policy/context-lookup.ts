import type { ContextKeys } from './context-keys.ts';
import { MULTI_VALUED_KEYS } from './saml-attribute-keys.ts';

/** Context keys by name, ignoring case as IAM does (`SAML:aud` is `saml:aud`). */
export interface ContextLookup {
  /** The key's values, or undefined when the request does not have it. */
  values(key: string): readonly string[] | undefined;
  /** The key's one value, for a policy variable: undefined when absent or a list key. */
  single(key: string): string | undefined;
}

export function contextLookup(keys: ContextKeys): ContextLookup {
  const byName = new Map<string, readonly string[]>();
  for (const name of Object.keys(keys)) {
    const lower = name.toLowerCase();
    const values = keys[name]!;
    if (!byName.has(lower) && values.length > 0) byName.set(lower, values);
  }
  return {
    values: (key) => byName.get(key.toLowerCase()),
    single: (key) => {
      const lower = key.toLowerCase();
      const values = byName.get(lower);
      return values?.length === 1 && !MULTI_VALUED_KEYS.has(lower) ? values[0] : undefined;
    },
  };
}
