// Attribute names are case-insensitive in SCIM (RFC 7643 §2.1); a path may carry its schema URN.

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The key of `object` that names `name`, whatever its case. */
export function keyOf(object: JsonObject, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === wanted);
}

/**
 * `urn:…:User:name.givenName` → the object that holds it and the names below it: the resource
 * itself for its core schema, the extension's object for an extension's URN.
 */
export function splitPath(
  resource: JsonObject,
  path: string,
  coreSchema: string,
): { holder: JsonObject | undefined; names: string[] } {
  let rest = path;
  let holder: JsonObject | undefined = resource;
  if (path.toLowerCase().startsWith('urn:')) {
    const cut = path.lastIndexOf(':');
    const schema = path.slice(0, cut);
    rest = path.slice(cut + 1);
    if (schema.toLowerCase() !== coreSchema.toLowerCase()) {
      const key = keyOf(resource, schema);
      const extension = key === undefined ? undefined : resource[key];
      holder = isObject(extension) ? extension : undefined;
    }
  }
  return { holder, names: rest.split('.') };
}

/** Every value at `names` below `holder`, looking into multi-valued attributes. */
export function valuesAt(holder: JsonObject | undefined, names: readonly string[]): unknown[] {
  let current: unknown[] = holder ? [holder] : [];
  for (const name of names) {
    const next: unknown[] = [];
    for (const item of current) {
      if (!isObject(item)) continue;
      const key = keyOf(item, name);
      const value = key === undefined ? undefined : item[key];
      if (Array.isArray(value)) next.push(...value);
      else if (value !== undefined) next.push(value);
    }
    current = next;
  }
  return current;
}
