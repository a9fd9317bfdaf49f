// A User as IAM Identity Center keeps it: the user guide's "Supported user and group attributes"
// and the developer guide's CreateUser and "Limitations from SCIM specification".
import { isObject, keyOf, type JsonObject } from './attribute-path.ts';
import { invalidValue, ScimError } from './scim-error.ts';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** The identity store's UserName limit (1-128 characters); other strings are held to 1024. */
const MAX_USER_NAME = 128;
const MAX_STRING = 1024;

const UNSUPPORTED = ['password', 'ims', 'photos', 'entitlements', 'x509Certificates'];
/** The User's optional single-valued strings: what /Schemas lists is what a write may carry. */
export const OPTIONAL_USER_STRINGS = [
  'nickName',
  'profileUrl',
  'title',
  'userType',
  'preferredLanguage',
  'locale',
  'timezone',
];
const SINGLE_STRINGS = ['externalId', 'displayName', ...OPTIONAL_USER_STRINGS];
const NAME_PARTS = [
  'formatted',
  'familyName',
  'givenName',
  'middleName',
  'honorificPrefix',
  'honorificSuffix',
];
/** Multi-valued attributes Identity Center keeps one value of, and the sub-attributes it keeps. */
const ONE_VALUE: Record<string, readonly string[]> = {
  emails: ['value', 'type', 'primary'],
  phoneNumbers: ['value', 'type', 'primary'],
  addresses: [
    'formatted',
    'streetAddress',
    'locality',
    'region',
    'postalCode',
    'country',
    'type',
    'primary',
  ],
  roles: ['value', 'type', 'primary'],
};
const ENTERPRISE_STRINGS = [
  'employeeNumber',
  'costCenter',
  'organization',
  'division',
  'department',
];

const userGuide = 'IAM Identity Center user guide, "Supported user and group attributes"';

function field(object: JsonObject, name: string): unknown {
  const key = keyOf(object, name);
  return key === undefined ? undefined : object[key];
}

function text(value: unknown, where: string, max = MAX_STRING): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidValue(`${where} must be a string`);
  if (value.length > max) throw invalidValue(`${where} is longer than ${max} characters`);
  return value;
}

function required(value: string | undefined, where: string): string {
  if (!value?.trim())
    throw invalidValue(
      `${where} is required (CreateUser: givenName, familyName, userName and displayName)`,
    );
  return value;
}

/** Copies the sub-attributes kept; `display` and anything else are dropped, as AWS drops them. */
function oneValue(
  body: JsonObject,
  name: string,
  kept: readonly string[],
): JsonObject[] | undefined {
  const list = field(body, name);
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) throw invalidValue(`${name} must be a list`);
  if (list.length > 1)
    throw invalidValue(
      `${name} has ${list.length} values; IAM Identity Center accepts only one (developer guide, "Limitations from SCIM specification")`,
    );
  return list.map((item, index) => {
    if (!isObject(item)) throw invalidValue(`${name}[${index}] must be an object`);
    const copy: JsonObject = {};
    for (const sub of kept) {
      const value = field(item, sub);
      if (value === undefined || value === null) continue;
      if (sub === 'primary') {
        if (typeof value !== 'boolean')
          throw invalidValue(`${name}[${index}].primary must be true or false`);
        copy.primary = value;
      } else copy[sub] = text(value, `${name}[${index}].${sub}`);
    }
    return copy;
  });
}

function enterprise(value: unknown): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw invalidValue(`${ENTERPRISE_SCHEMA} must be an object`);
  const copy: JsonObject = {};
  for (const name of ENTERPRISE_STRINGS) {
    const kept = text(field(value, name), `${ENTERPRISE_SCHEMA}:${name}`);
    if (kept !== undefined) copy[name] = kept;
  }
  const manager = field(value, 'manager');
  if (manager !== undefined && manager !== null) {
    if (!isObject(manager)) throw invalidValue('manager must be an object');
    // CreateUser: the manager's displayName sub-attribute is not supported; only value is kept.
    const id = text(field(manager, 'value'), 'manager.value');
    if (id !== undefined) copy.manager = { value: id };
  }
  return copy;
}

/** The schemas a resource names must include its core schema (RFC 7643 §3). */
export function requireSchema(body: JsonObject, schema: string): void {
  const schemas = field(body, 'schemas');
  if (
    !Array.isArray(schemas) ||
    !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === schema.toLowerCase())
  )
    throw new ScimError(400, `schemas must list "${schema}"`, 'invalidSyntax');
}

/**
 * Checks a User as CreateUser and PutUser take it and returns what Identity Center stores:
 * the supported attributes only (unknown ones are ignored), `display` sub-attributes dropped.
 */
export function readUser(body: unknown): JsonObject {
  if (!isObject(body))
    throw new ScimError(400, 'the request body must be a JSON object', 'invalidSyntax');
  requireSchema(body, USER_SCHEMA);
  for (const name of UNSUPPORTED)
    if (field(body, name) !== undefined)
      throw invalidValue(`${name} is not supported by IAM Identity Center (${userGuide})`);
  if (field(body, 'groups') !== undefined)
    throw invalidValue(
      'groups cannot be set on a user (CreateUser): add the user to a group instead',
    );
  const user: JsonObject = {
    schemas: [USER_SCHEMA],
    userName: required(text(field(body, 'userName'), 'userName', MAX_USER_NAME), 'userName'),
  };
  const name = field(body, 'name');
  if (name !== undefined && name !== null && !isObject(name))
    throw invalidValue('name must be an object');
  const nameCopy: JsonObject = {};
  for (const part of NAME_PARTS) {
    const value = text(isObject(name) ? field(name, part) : undefined, `name.${part}`);
    if (value !== undefined) nameCopy[part] = value;
  }
  required(nameCopy.givenName as string | undefined, 'name.givenName');
  required(nameCopy.familyName as string | undefined, 'name.familyName');
  user.name = nameCopy;
  for (const attribute of SINGLE_STRINGS) {
    const value = text(field(body, attribute), attribute);
    if (value !== undefined) user[attribute] = value;
  }
  required(user.displayName as string | undefined, 'displayName');
  const active = field(body, 'active');
  if (active !== undefined && active !== null && typeof active !== 'boolean')
    throw invalidValue('active must be true or false');
  user.active = active ?? true;
  for (const [attribute, kept] of Object.entries(ONE_VALUE)) {
    const values = oneValue(body, attribute, kept);
    if (values?.length) user[attribute] = values;
  }
  const email = (user.emails as JsonObject[] | undefined)?.[0];
  if (email && email.primary !== true)
    throw invalidValue('emails[0] must be marked "primary": true (CreateUser constraints)');
  const extension = enterprise(field(body, ENTERPRISE_SCHEMA));
  if (extension) {
    user[ENTERPRISE_SCHEMA] = extension;
    (user.schemas as string[]).push(ENTERPRISE_SCHEMA);
  }
  return user;
}
