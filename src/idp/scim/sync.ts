import { ScimSyncError } from './errors.ts';
import type { DesiredState } from './desired-state.ts';
import { changedAttributes } from './diff.ts';
import { createdId, listedResources } from './list-response.ts';
import {
  createRequest,
  deactivateRequest,
  findRequest,
  listUsersRequest,
  membershipPatches,
  type ListPosition,
  membershipRequest,
  newGroupResource,
  replaceUserRequest,
} from './requests.ts';
import type { ScimResource } from './schemas.ts';
import type { ScimTransport } from './transport.ts';

export interface SyncSummary {
  users: { created: number; updated: number; deactivated: number; unchanged: number };
  groups: { created: number; updated: number; unchanged: number };
  members: { added: number; removed: number };
  /** Resources of the same name this IdP did not provision: left alone, one line each. */
  leftAlone: string[];
  /** Requests sent: reads, and writes (0 in dry-run: they were printed instead). */
  reads: number;
  writes: number;
}

const PAGE_SIZE = 100;
/** A server that keeps answering full pages is not listing users any more. */
const MAX_PAGES = 10_000;

/**
 * Makes the server hold the desired users and groups: creates and updates users, deactivates
 * the users this IdP provisioned that the config no longer has, creates groups and adds and
 * removes members. Only resources whose externalId this IdP gave are changed; a second run
 * against an unchanged config writes nothing.
 */
export async function syncScim(
  desired: DesiredState,
  transport: ScimTransport,
): Promise<SyncSummary> {
  const summary: SyncSummary = {
    users: { created: 0, updated: 0, deactivated: 0, unchanged: 0 },
    groups: { created: 0, updated: 0, unchanged: 0 },
    members: { added: 0, removed: 0 },
    leftAlone: [],
    reads: 0,
    writes: 0,
  };
  const ids = new Map<string, string>(); // userName → id, ours only
  for (const user of desired.users) {
    const found = await findOne(transport, 'Users', 'userName', user.userName);
    if (!found) {
      const answer = await transport.write(createRequest('Users', user.resource));
      ids.set(
        user.userName,
        transport.dryRun
          ? `<id of new user ${user.userName}>`
          : createdId(answer, `POST /Users (${user.userName})`),
      );
      summary.users.created++;
      continue;
    }
    if (found.externalId !== user.externalId) {
      summary.leftAlone.push(strangerLine('user', user.userName, found));
      continue;
    }
    const id = found.id as string;
    ids.set(user.userName, id);
    if (changedAttributes(user.resource, found).length > 0) {
      await transport.write(replaceUserRequest(id, user.resource));
      summary.users.updated++;
    } else summary.users.unchanged++;
  }
  const formerIds = await deactivateRemoved(desired, transport, summary);
  const ours = new Set([...ids.values(), ...formerIds]);
  for (const group of desired.groups) {
    const wanted = new Set(
      group.memberUserNames.flatMap((name) => (ids.has(name) ? [ids.get(name)!] : [])),
    );
    const found = await findOne(transport, 'Groups', 'displayName', group.displayName);
    let groupId: string;
    let current: Set<string>;
    if (!found) {
      const answer = await transport.write(
        createRequest('Groups', newGroupResource(group.displayName, group.externalId)),
      );
      groupId = transport.dryRun
        ? `<id of new group ${group.displayName}>`
        : createdId(answer, `POST /Groups (${group.displayName})`);
      current = new Set();
      summary.groups.created++;
    } else if (found.externalId !== group.externalId) {
      summary.leftAlone.push(strangerLine('group', group.displayName, found));
      continue;
    } else {
      groupId = found.id as string;
      current = await currentMembers(transport, found, ours);
    }
    const add = [...wanted].filter((id) => !current.has(id));
    // Only members this IdP provisioned are removed; anyone added on the server stays.
    const remove = [...current].filter((id) => ours.has(id) && !wanted.has(id));
    for (const patch of membershipPatches(groupId, add, remove)) await transport.write(patch);
    summary.members.added += add.length;
    summary.members.removed += remove.length;
    if (found) {
      if (add.length + remove.length > 0) summary.groups.updated++;
      else summary.groups.unchanged++;
    }
  }
  summary.reads = transport.reads;
  summary.writes = transport.writes;
  return summary;
}

/** Pages through the server's users; deactivates ours the config no longer has. Returns all our ids. */
async function deactivateRemoved(
  desired: DesiredState,
  transport: ScimTransport,
  summary: SyncSummary,
): Promise<string[]> {
  const wanted = new Set(desired.users.map((u) => u.externalId));
  const seen = new Set<string>();
  const ours: string[] = [];
  let position: ListPosition = { cursor: '' };
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await transport.read(listUsersRequest(position, PAGE_SIZE));
    const users = listedResources(body, 'GET /Users');
    for (const user of users) {
      const id = user.id as string;
      const externalId = user.externalId;
      if (seen.has(id)) continue;
      seen.add(id);
      if (typeof externalId !== 'string' || !externalId.startsWith(desired.userExternalIdPrefix))
        continue;
      ours.push(id);
      if (wanted.has(externalId)) continue;
      if (user.active === false) summary.users.unchanged++;
      else {
        await transport.write(deactivateRequest(id));
        summary.users.deactivated++;
      }
    }
    const next = nextPosition(body as ListPage, position, users.length);
    if (!next) return ours;
    position = next;
  }
  throw new ScimSyncError(
    `GET /Users: the server listed more than ${MAX_PAGES} pages of users; stopped`,
  );
}

interface ListPage {
  nextCursor?: unknown;
  totalResults?: unknown;
  startIndex?: unknown;
}

/** The next page's position, or undefined after the last page. */
function nextPosition(
  body: ListPage,
  asked: ListPosition,
  received: number,
): ListPosition | undefined {
  if (received === 0) return undefined;
  if (typeof body.nextCursor === 'string' && body.nextCursor !== '')
    return { cursor: body.nextCursor };
  const askedIndex = 'startIndex' in asked ? asked.startIndex : 1;
  const startIndex = typeof body.startIndex === 'number' ? body.startIndex : askedIndex;
  // A server that answers the first page again would have the sync go round for ever.
  if (startIndex !== askedIndex)
    throw new ScimSyncError(
      `GET /Users: asked for the page at ${askedIndex}, the server answered the one at ${startIndex} and gave no nextCursor; cannot list all users`,
    );
  const total = body.totalResults;
  const next = startIndex + received;
  return typeof total === 'number' && next <= total ? { startIndex: next } : undefined;
}

/**
 * The group's members among `candidates`: from its `members` when the server lists them, else
 * asked user by user, as Identity Center (which does not list members) requires.
 */
async function currentMembers(
  transport: ScimTransport,
  group: ScimResource,
  candidates: Set<string>,
): Promise<Set<string>> {
  // Identity Center answers an empty list whatever the members: only a non-empty list is news.
  if (Array.isArray(group.members) && group.members.length > 0) {
    return new Set(
      group.members.flatMap((member: unknown) => {
        const value = (member as { value?: unknown } | null)?.value;
        return typeof value === 'string' ? [value] : [];
      }),
    );
  }
  const members = new Set<string>();
  for (const userId of candidates) {
    if (userId.startsWith('<')) continue; // a dry-run placeholder: new users are in no group yet
    const body = await transport.read(membershipRequest(group.id as string, userId));
    if (listedResources(body, 'GET /Groups (membership)').length > 0) members.add(userId);
  }
  return members;
}

async function findOne(
  transport: ScimTransport,
  kind: 'Users' | 'Groups',
  attribute: 'userName' | 'displayName',
  value: string,
): Promise<ScimResource | undefined> {
  const body = await transport.read(findRequest(kind, attribute, value));
  // Servers compare userName case-insensitively (RFC 7643 caseExact false); the exact one wins.
  const found = listedResources(body, `GET /${kind}?filter=${attribute} eq …`);
  return found.find((r) => r[attribute] === value) ?? found[0];
}

function strangerLine(kind: string, name: string, found: ScimResource): string {
  const externalId =
    typeof found.externalId === 'string'
      ? `externalId ${JSON.stringify(found.externalId.slice(0, 100))}`
      : 'no externalId';
  return `${kind} ${JSON.stringify(name)} exists on the server but was not provisioned by this IdP (${externalId}): left alone`;
}
