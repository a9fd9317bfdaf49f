// CreateGroup, GetGroup, ListGroups, PatchGroup and DeleteGroup (Identity Center has no PutGroup).
import { matchesAll } from './filter-match.ts';
import { parseEqFilter, type EqComparison } from './filter.ts';
import { GROUP_MATCH_RULES, patchGroup } from './group-patch.ts';
import { GROUP_SCHEMA, readGroup } from './group-resource.ts';
import { listResponse } from './list-response.ts';
import { readPatchRequest } from './patch-request.ts';
import { jsonResponse, ScimError } from './scim-error.ts';
import { groupResource } from './scim-resources.ts';
import { STAND_IN_NAME } from '../types.ts';
import type { ScimStore } from './scim-store.ts';
import type { StandInResponse } from '../types.ts';

/** ListGroups' documented filters: displayName, externalId, id and members (developer guide). */
const GROUP_FILTERS = new Map([
  ['displayname', 'displayName'],
  ['externalid', 'externalId'],
  ['id', 'id'],
  ['members', 'members'],
  ['members.value', 'members'],
  ['member', 'members'],
]);

function groupFilter(store: ScimStore, text: string | null): EqComparison[] {
  if (text === null) return [];
  return parseEqFilter(text).map(({ path, value }) => {
    const bare = path.toLowerCase().startsWith(`${GROUP_SCHEMA.toLowerCase()}:`)
      ? path.slice(GROUP_SCHEMA.length + 1)
      : path;
    const known = GROUP_FILTERS.get(bare.toLowerCase());
    if (!known)
      throw new ScimError(
        400,
        `filtering groups by "${path}" is not supported: IAM Identity Center filters groups by displayName, externalId, id or members (developer guide, ListGroups)`,
        'invalidFilter',
      );
    // ListGroups: ResourceNotFoundException "when filter querying with a nonexisting member".
    if (known === 'members' && (typeof value !== 'string' || !store.users.has(value)))
      throw new ScimError(404, `members: no user with id "${String(value)}"`);
    return { path: known, value };
  });
}

export function listGroups(
  store: ScimStore,
  query: URLSearchParams,
  base: string,
): StandInResponse {
  const comparisons = groupFilter(store, query.get('filter'));
  const matching = [...store.groups.values()]
    .filter((group) =>
      matchesAll(
        {
          id: group.id,
          displayName: group.displayName,
          ...(group.externalId !== undefined ? { externalId: group.externalId } : {}),
          members: [...group.members].map((value) => ({ value })),
        },
        comparisons,
        GROUP_MATCH_RULES,
      ),
    )
    .map((group) => groupResource(group, base));
  return jsonResponse(200, listResponse(matching, query));
}

export function createGroup(store: ScimStore, body: unknown, base: string): StandInResponse {
  const group = store.createGroup(readGroup(body));
  const answer = jsonResponse(201, groupResource(group, base));
  answer.headers.location = `${base}/Groups/${group.id}`;
  return answer;
}

export function patchGroupRequest(store: ScimStore, id: string, body: unknown): StandInResponse {
  const group = store.getGroup(id);
  store.saveGroup(id, patchGroup(group, readPatchRequest(body)));
  // PatchGroup answers 204 No Content (developer guide's example), which RFC 7644 §3.5.2 allows.
  return {
    status: 204,
    headers: { 'x-stand-in': STAND_IN_NAME, 'cache-control': 'no-store' },
    body: '',
  };
}
