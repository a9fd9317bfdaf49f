import { SCIM_SCHEMAS, type ScimResource } from './schemas.ts';

/** One SCIM call, relative to the base URL; built purely so tests can read it. */
export interface ScimRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** `/Users`, `/Users/ID`, `/Groups?filter=...`: always under the configured base URL. */
  path: string;
  body?: unknown;
}

/** Identity Center takes at most 100 membership changes in one PatchGroup. */
export const MAX_MEMBER_CHANGES_PER_PATCH = 100;

/** A value inside a filter's double quotes: backslash and quote escaped (RFC 7644 3.4.2.2, JSON strings). */
export function filterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function findRequest(
  kind: 'Users' | 'Groups',
  attribute: 'userName' | 'displayName',
  value: string,
): ScimRequest {
  const filter = `${attribute} eq ${filterValue(value)}`;
  return { method: 'GET', path: `/${kind}?filter=${encodeURIComponent(filter)}` };
}

/** Is the user a member? Identity Center does not list a group's members, but filters on them. */
export function membershipRequest(groupId: string, userId: string): ScimRequest {
  const filter = `id eq ${filterValue(groupId)} and members eq ${filterValue(userId)}`;
  return { method: 'GET', path: `/Groups?filter=${encodeURIComponent(filter)}` };
}

/** Where a listing goes on: a cursor (Identity Center, RFC 9865) or an index (RFC 7644 §3.4.2.4). */
export type ListPosition = { cursor: string } | { startIndex: number };

/**
 * A page of users. The first asks with an empty cursor: Identity Center answers with cursor
 * paging (it has no startIndex); a server without cursors ignores it and pages by index.
 */
export function listUsersRequest(position: ListPosition, count: number): ScimRequest {
  const at =
    'cursor' in position
      ? `cursor=${encodeURIComponent(position.cursor)}`
      : `startIndex=${position.startIndex}`;
  return { method: 'GET', path: `/Users?count=${count}&${at}` };
}

export function createRequest(kind: 'Users' | 'Groups', resource: ScimResource): ScimRequest {
  return { method: 'POST', path: `/${kind}`, body: resource };
}

export function replaceUserRequest(id: string, resource: ScimResource): ScimRequest {
  return { method: 'PUT', path: `/Users/${encodeURIComponent(id)}`, body: { ...resource, id } };
}

/**
 * Deactivation, not deletion: Identity Center keeps a deactivated user's assignments and their
 * history, and putting the user back in the config reactivates the same user.
 */
export function deactivateRequest(id: string): ScimRequest {
  return {
    method: 'PATCH',
    path: `/Users/${encodeURIComponent(id)}`,
    body: {
      schemas: [SCIM_SCHEMAS.patchOp],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    },
  };
}

export function newGroupResource(displayName: string, externalId: string): ScimResource {
  return { schemas: [SCIM_SCHEMAS.group], displayName, externalId };
}

/**
 * Membership changes as PatchGroup requests: members added and removed one by one, never a
 * replace of the whole list (Identity Center refuses that, and it would drop members this IdP
 * did not add), at most 100 changes a request.
 */
export function membershipPatches(groupId: string, add: string[], remove: string[]): ScimRequest[] {
  const operations: { op: string; path: string; value?: { value: string }[] }[] = [];
  const changes = [
    ...add.map((id) => ({ kind: 'add' as const, id })),
    ...remove.map((id) => ({ kind: 'remove' as const, id })),
  ];
  const requests: ScimRequest[] = [];
  for (let start = 0; start < changes.length; start += MAX_MEMBER_CHANGES_PER_PATCH) {
    operations.length = 0;
    const chunk = changes.slice(start, start + MAX_MEMBER_CHANGES_PER_PATCH);
    const added = chunk.filter((c) => c.kind === 'add').map((c) => ({ value: c.id }));
    if (added.length > 0) operations.push({ op: 'add', path: 'members', value: added });
    for (const change of chunk.filter((c) => c.kind === 'remove'))
      operations.push({ op: 'remove', path: `members[value eq ${filterValue(change.id)}]` });
    requests.push({
      method: 'PATCH',
      path: `/Groups/${encodeURIComponent(groupId)}`,
      body: { schemas: [SCIM_SCHEMAS.patchOp], Operations: [...operations] },
    });
  }
  return requests;
}
