import type { ContextKeys } from './context-keys.ts';
import { MULTI_VALUED_KEYS } from './saml-attribute-keys.ts';

/** For reports: a one-value key as a string, a list key (IAM's `[]` keys) as an array. */
export function contextKeysToJson(keys: ContextKeys): Record<string, string | string[]> {
  const json = Object.create(null) as Record<string, string | string[]>;
  for (const [name, values] of Object.entries(keys))
    json[name] =
      MULTI_VALUED_KEYS.has(name.toLowerCase()) || values.length !== 1 ? [...values] : values[0]!;
  return json;
}
