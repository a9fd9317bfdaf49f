// RFC 7644 §3.5.2's add, replace and remove on a resource held as JSON. Value filters in paths
// are read by the same eq-only parser as list filters, so they obey Identity Center's rule too.
import { isObject, keyOf, type JsonObject } from './attribute-path.ts';
import { matchesAll, type MatchRules } from './filter-match.ts';
import { parseEqFilter, type EqComparison } from './filter.ts';
import { ScimError } from './scim-error.ts';

export type PatchVerb = 'add' | 'replace' | 'remove';

export interface PatchOperation {
  op: PatchVerb;
  path?: string;
  value?: unknown;
}

/** `attr`, `attr.sub`, `urn:…:attr`, `attr[filter]` or `attr[filter].sub`, split up. */
export interface PatchPath {
  /** The extension's URN when the path names one other than the core schema. */
  extension?: string;
  attribute: string;
  filter?: EqComparison[];
  sub?: string;
}

const invalidPath = (detail: string) => new ScimError(400, detail, 'invalidPath');
const NAME = /^[A-Za-z][\w$-]*$/;

export function parsePatchPath(path: string, coreSchema: string): PatchPath {
  let rest = path;
  let extension: string | undefined;
  const open = path.indexOf('[');
  const head = open < 0 ? path : path.slice(0, open);
  if (head.toLowerCase().startsWith('urn:')) {
    const cut = head.lastIndexOf(':');
    const schema = head.slice(0, cut);
    if (schema.toLowerCase() !== coreSchema.toLowerCase()) extension = schema;
    rest = path.slice(cut + 1);
  }
  const bracket = rest.indexOf('[');
  if (bracket >= 0) {
    const close = rest.lastIndexOf(']');
    if (close < bracket) throw invalidPath(`path "${path}": "[" is not closed`);
    const attribute = rest.slice(0, bracket);
    const after = rest.slice(close + 1);
    if (!NAME.test(attribute))
      throw invalidPath(`path "${path}": "${attribute}" is not an attribute name`);
    if (after && !(after.startsWith('.') && NAME.test(after.slice(1))))
      throw invalidPath(`path "${path}": "${after}" after the filter is not ".subAttribute"`);
    return {
      ...(extension ? { extension } : {}),
      attribute,
      filter: parseEqFilter(rest.slice(bracket + 1, close)),
      ...(after ? { sub: after.slice(1) } : {}),
    };
  }
  const [attribute = '', sub, extra] = rest.split('.');
  if (extra !== undefined || !NAME.test(attribute) || (sub !== undefined && !NAME.test(sub)))
    throw invalidPath(`path "${path}" is not an attribute path`);
  return { ...(extension ? { extension } : {}), attribute, ...(sub !== undefined ? { sub } : {}) };
}

function setKey(object: JsonObject, name: string, value: unknown): void {
  object[keyOf(object, name) ?? name] = value;
}

function getKey(object: JsonObject, name: string): unknown {
  const key = keyOf(object, name);
  return key === undefined ? undefined : object[key];
}

function deleteKey(object: JsonObject, name: string): void {
  const key = keyOf(object, name);
  if (key !== undefined) delete object[key];
}

/** `add`/`replace` of `value` at one attribute of `holder`, as RFC 7644 §3.5.2.1 and .3 say. */
function put(holder: JsonObject, name: string, value: unknown, verb: PatchVerb): void {
  const current = getKey(holder, name);
  if (Array.isArray(current) && verb === 'add') {
    const added = Array.isArray(value) ? value : [value];
    const seen = new Set(current.map((item) => JSON.stringify(item)));
    setKey(holder, name, [...current, ...added.filter((item) => !seen.has(JSON.stringify(item)))]);
  } else if (isObject(current) && isObject(value)) {
    for (const [sub, subValue] of Object.entries(value)) setKey(current, sub, subValue);
  } else {
    setKey(holder, name, value);
  }
}

function holderFor(resource: JsonObject, path: PatchPath, create: boolean): JsonObject | undefined {
  if (!path.extension) return resource;
  const existing = getKey(resource, path.extension);
  if (isObject(existing)) return existing;
  if (!create) return undefined;
  const made: JsonObject = {};
  setKey(resource, path.extension, made);
  return made;
}

/** Applies one operation to `resource` in place (the caller works on a copy). */
export function applyOperation(
  resource: JsonObject,
  operation: PatchOperation,
  rules: MatchRules,
): void {
  const { op, value } = operation;
  if (operation.path === undefined) {
    if (op === 'remove')
      throw new ScimError(400, 'remove needs a path (RFC 7644 §3.5.2.2)', 'noTarget');
    if (!isObject(value))
      throw new ScimError(
        400,
        `${op} without a path needs an object of attributes as its value`,
        'invalidValue',
      );
    for (const [key, item] of Object.entries(value))
      applyOperation(resource, { op, path: key, value: item }, rules);
    return;
  }
  const path = parsePatchPath(operation.path, rules.coreSchema);
  const holder = holderFor(resource, path, op !== 'remove');
  if (!holder) return;
  if (path.filter) {
    const list = getKey(holder, path.attribute);
    const items = Array.isArray(list) ? (list as unknown[]) : [];
    const hit = (item: unknown) => isObject(item) && matchesAll(item, path.filter!, rules);
    if (op === 'remove' && !path.sub) {
      setKey(
        holder,
        path.attribute,
        items.filter((item) => !hit(item)),
      );
      return;
    }
    const targets = items.filter(hit) as JsonObject[];
    if (targets.length === 0)
      throw new ScimError(400, `path "${operation.path}" matches no value`, 'noTarget');
    for (const target of targets) {
      if (path.sub) {
        if (op === 'remove') deleteKey(target, path.sub);
        else setKey(target, path.sub, value);
      } else if (isObject(value)) {
        if (op === 'replace') for (const key of Object.keys(target)) delete target[key];
        Object.assign(target, value);
      } else
        throw new ScimError(
          400,
          `${op} at "${operation.path}" needs an object value`,
          'invalidValue',
        );
    }
    return;
  }
  if (path.sub) {
    const parent = getKey(holder, path.attribute);
    if (op === 'remove') {
      if (isObject(parent)) deleteKey(parent, path.sub);
      return;
    }
    if (isObject(parent)) setKey(parent, path.sub, value);
    else setKey(holder, path.attribute, { [path.sub]: value });
    return;
  }
  if (op === 'remove') {
    const current = getKey(holder, path.attribute);
    // Some clients name the values to take out of a multi-valued attribute in `value`.
    if (Array.isArray(current) && value !== undefined) {
      const gone = new Set(
        (Array.isArray(value) ? value : [value]).map((item) =>
          JSON.stringify(isObject(item) ? getKey(item, 'value') : item),
        ),
      );
      setKey(
        holder,
        path.attribute,
        current.filter(
          (item) => !gone.has(JSON.stringify(isObject(item) ? getKey(item, 'value') : item)),
        ),
      );
    } else deleteKey(holder, path.attribute);
    return;
  }
  put(holder, path.attribute, value, op);
}
