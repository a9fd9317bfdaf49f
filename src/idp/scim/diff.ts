import type { ScimResource } from './schemas.ts';

/** The attributes the default mapping writes: the sync owns them even when a mapping removes one. */
const DEFAULT_ATTRIBUTES = ['userName', 'name', 'displayName', 'emails', 'active', 'photos'];

/**
 * The attributes whose value on the server is not what this IdP would send, in the order of the
 * desired resource. A server may add what it keeps (id, meta, `primary: false`), so a desired
 * value holds when everything it says is also on the server; an owned attribute the desired
 * resource leaves out must be absent there.
 */
export function changedAttributes(desired: ScimResource, existing: ScimResource): string[] {
  const changed: string[] = [];
  for (const [name, value] of Object.entries(desired)) {
    if (name === 'schemas' || name === 'id') continue;
    if (!holds(value, existing[name])) changed.push(name);
  }
  const owned = new Set([...DEFAULT_ATTRIBUTES, ...Object.keys(desired)]);
  for (const name of owned) {
    if (!(name in desired) && !isEmpty(existing[name])) changed.push(name);
  }
  return changed;
}

function holds(want: unknown, have: unknown): boolean {
  if (Array.isArray(want)) {
    return (
      Array.isArray(have) &&
      want.length === have.length &&
      want.every((item, i) => holds(item, have[i]))
    );
  }
  if (typeof want === 'object' && want !== null) {
    if (typeof have !== 'object' || have === null || Array.isArray(have)) return false;
    const record = have as Record<string, unknown>;
    return Object.entries(want).every(([key, value]) => holds(value, record[key]));
  }
  return want === have;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && value !== null && Object.keys(value).length === 0)
  );
}
