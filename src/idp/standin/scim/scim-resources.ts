// What Users and Groups look like on the wire: the stored fields plus id and meta (RFC 7643 §3.1).
import { GROUP_SCHEMA } from './group-resource.ts';
import type { StoredGroup, StoredUser } from './scim-store.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function userResource(user: StoredUser, base: string): Record<string, unknown> {
  const { schemas, ...rest } = user.data;
  return {
    schemas,
    id: user.id,
    ...rest,
    meta: {
      resourceType: 'User',
      created: iso(user.created),
      lastModified: iso(user.lastModified),
      location: `${base}/Users/${user.id}`,
    },
  };
}

/**
 * Identity Center's GetGroup and ListGroups return an empty member list (developer guide,
 * ListGroups "Not supported"); membership is found with a `members eq "<user id>"` filter.
 */
export function groupResource(group: StoredGroup, base: string): Record<string, unknown> {
  return {
    schemas: [GROUP_SCHEMA],
    id: group.id,
    displayName: group.displayName,
    ...(group.externalId !== undefined ? { externalId: group.externalId } : {}),
    members: [],
    meta: {
      resourceType: 'Group',
      created: iso(group.created),
      lastModified: iso(group.lastModified),
      location: `${base}/Groups/${group.id}`,
    },
  };
}
