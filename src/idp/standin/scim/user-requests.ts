// CreateUser, GetUser, ListUsers, PutUser, PatchUser and DeleteUser.
import { isObject, type JsonObject } from './attribute-path.ts';
import type { MatchRules } from './filter-match.ts';
import { matchesAll } from './filter-match.ts';
import { parseEqFilter, type EqComparison } from './filter.ts';
import { listResponse } from './list-response.ts';
import { applyOperation } from './patch-apply.ts';
import { readPatchRequest } from './patch-request.ts';
import { jsonResponse, ScimError } from './scim-error.ts';
import { userResource } from './scim-resources.ts';
import type { ScimStore } from './scim-store.ts';
import { ENTERPRISE_SCHEMA, readUser, USER_SCHEMA } from './user-resource.ts';
import type { StandInResponse } from '../types.ts';

export const USER_MATCH_RULES: MatchRules = {
  coreSchema: USER_SCHEMA,
  caseExact: new Set(['id', 'externalid', 'manager.value', 'manager']),
};

/** ListUsers' documented filters: userName, externalId, id and manager (developer guide). */
const USER_FILTERS = new Map([
  ['username', 'userName'],
  ['externalid', 'externalId'],
  ['id', 'id'],
  ['manager', `${ENTERPRISE_SCHEMA}:manager`],
  ['manager.value', `${ENTERPRISE_SCHEMA}:manager.value`],
]);

function userFilter(text: string | null): EqComparison[] {
  if (text === null) return [];
  return parseEqFilter(text).map(({ path, value }) => {
    const bare = path.toLowerCase().startsWith(`${USER_SCHEMA.toLowerCase()}:`)
      ? path.slice(USER_SCHEMA.length + 1)
      : path;
    const known = USER_FILTERS.get(bare.toLowerCase());
    if (!known)
      throw new ScimError(
        400,
        `filtering users by "${path}" is not supported: IAM Identity Center filters users by userName, externalId, id or manager (developer guide, ListUsers)`,
        'invalidFilter',
      );
    return { path: known, value };
  });
}

export function listUsers(store: ScimStore, query: URLSearchParams, base: string): StandInResponse {
  const comparisons = userFilter(query.get('filter'));
  // userName is unique: a sync's `userName eq "..."` lookup reads one user, not all of them.
  const byName = comparisons.find((c) => c.path === 'userName' && typeof c.value === 'string');
  const candidates = byName
    ? [store.userByName(byName.value as string)].filter((user) => user !== undefined)
    : [...store.users.values()];
  const matching = candidates
    .filter((user) => matchesAll({ id: user.id, ...user.data }, comparisons, USER_MATCH_RULES))
    .map((user) => userResource(user, base));
  return jsonResponse(200, listResponse(matching, query));
}

export function createUser(store: ScimStore, body: unknown, base: string): StandInResponse {
  const user = store.createUser(readUser(body));
  const answer = jsonResponse(201, userResource(user, base));
  answer.headers.location = `${base}/Users/${user.id}`;
  return answer;
}

export function putUser(
  store: ScimStore,
  id: string,
  body: unknown,
  base: string,
): StandInResponse {
  store.getUser(id);
  return jsonResponse(200, userResource(store.replaceUser(id, readUser(body)), base));
}

/** Applies the operations to a copy and checks the result as PutUser would: all or nothing. */
export function patchUser(
  store: ScimStore,
  id: string,
  body: unknown,
  base: string,
): StandInResponse {
  const user = store.getUser(id);
  const draft = structuredClone(user.data) as JsonObject;
  for (const operation of readPatchRequest(body)) {
    if (
      operation.path?.toLowerCase() === 'id' ||
      (isObject(operation.value) && 'id' in operation.value)
    )
      throw new ScimError(400, 'id cannot be changed (RFC 7643 §3.1: readOnly)', 'mutability');
    applyOperation(draft, operation, USER_MATCH_RULES);
  }
  return jsonResponse(200, userResource(store.replaceUser(id, readUser(draft)), base));
}
