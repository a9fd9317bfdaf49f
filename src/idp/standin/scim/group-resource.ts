// A Group as IAM Identity Center keeps it: CreateGroup's constraints (displayName required, at most
// 100 members a request) and the user guide's "display sub-attribute not supported".
import { isObject, keyOf, type JsonObject } from './attribute-path.ts';
import { invalidValue, ScimError } from './scim-error.ts';
import { requireSchema } from './user-resource.ts';

export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const MAX_MEMBERS_PER_REQUEST = 100;

export interface GroupFields {
  displayName: string;
  externalId?: string;
  /** User ids, in the order given, without repeats. */
  members: string[];
}

function field(object: JsonObject, name: string): unknown {
  const key = keyOf(object, name);
  return key === undefined ? undefined : object[key];
}

export function readDisplayName(value: unknown): string {
  if (typeof value !== 'string' || !value.trim())
    throw invalidValue(
      'displayName is required and must be a non-empty string (CreateGroup constraints)',
    );
  if (value.length > 1024) throw invalidValue('displayName is longer than 1024 characters');
  return value;
}

export function readExternalId(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > 1024)
    throw invalidValue('externalId must be a string of at most 1024 characters');
  return value;
}

/** `[{ value: id }, …]` → ids; `display` (and `$ref`, `type`) dropped as Identity Center drops them. */
export function readMembers(value: unknown, where = 'members'): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (list.length > MAX_MEMBERS_PER_REQUEST)
    throw new ScimError(
      400,
      `${where} has ${list.length} entries; IAM Identity Center takes at most ${MAX_MEMBERS_PER_REQUEST} a request`,
      'tooMany',
    );
  const ids = list.map((member, index) => {
    const id = isObject(member) ? field(member, 'value') : undefined;
    if (typeof id !== 'string' || !id)
      throw invalidValue(`${where}[${index}] must be an object with a user id in "value"`);
    return id;
  });
  return [...new Set(ids)];
}

/** Checks a Group as CreateGroup takes it. */
export function readGroup(body: unknown): GroupFields {
  if (!isObject(body))
    throw new ScimError(400, 'the request body must be a JSON object', 'invalidSyntax');
  requireSchema(body, GROUP_SCHEMA);
  const externalId = readExternalId(field(body, 'externalId'));
  return {
    displayName: readDisplayName(field(body, 'displayName')),
    ...(externalId !== undefined ? { externalId } : {}),
    members: readMembers(field(body, 'members')),
  };
}
