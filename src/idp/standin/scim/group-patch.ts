// PatchGroup as the developer guide documents it: only displayName, members and externalId; no
// replace of members and no removing them all; at most 100 membership changes a request.
import { isObject, keyOf, type JsonObject } from './attribute-path.ts';
import type { MatchRules } from './filter-match.ts';
import {
  GROUP_SCHEMA,
  MAX_MEMBERS_PER_REQUEST,
  readDisplayName,
  readExternalId,
} from './group-resource.ts';
import { applyOperation, parsePatchPath, type PatchOperation } from './patch-apply.ts';
import { ScimError } from './scim-error.ts';
import type { StoredGroup } from './scim-store.ts';

const GUIDE = 'IAM Identity Center developer guide, PatchGroup';
const ALLOWED = new Set(['displayname', 'members', 'externalid']);

export const GROUP_MATCH_RULES: MatchRules = {
  coreSchema: GROUP_SCHEMA,
  caseExact: new Set(['id', 'externalid', 'members', 'members.value', 'value']),
};

/** Each operation with the one attribute it touches (a path-less value touches each key's). */
function targets(
  operations: readonly PatchOperation[],
): { op: PatchOperation; attribute: string; filtered: boolean }[] {
  return operations.flatMap((op) => {
    if (op.path !== undefined) {
      const path = parsePatchPath(op.path, GROUP_SCHEMA);
      return [
        { op, attribute: path.extension ? op.path : path.attribute, filtered: !!path.filter },
      ];
    }
    return isObject(op.value)
      ? Object.keys(op.value).map((key) => ({ op, attribute: key, filtered: false }))
      : [{ op, attribute: '', filtered: false }];
  });
}

function checkAllowed(operations: readonly PatchOperation[]): void {
  let changes = 0;
  for (const { op, attribute, filtered } of targets(operations)) {
    const name = attribute.toLowerCase();
    if (attribute && !ALLOWED.has(name))
      throw new ScimError(
        400,
        `"${attribute}" cannot be changed: only displayName, members and externalId are allowed (${GUIDE})`,
        'invalidPath',
      );
    if (name !== 'members') continue;
    if (op.op === 'replace')
      throw new ScimError(
        400,
        `replacing members is not supported: add and remove members one by one (${GUIDE})`,
        'mutability',
      );
    if (op.op === 'remove' && !filtered && op.value === undefined)
      throw new ScimError(
        400,
        `removing all members is not supported: remove members one by one (${GUIDE})`,
        'mutability',
      );
    const value =
      op.path === undefined && isObject(op.value)
        ? op.value[keyOf(op.value, 'members')!]
        : op.value;
    changes += filtered ? 1 : Array.isArray(value) ? value.length : 1;
  }
  if (changes > MAX_MEMBERS_PER_REQUEST)
    throw new ScimError(
      400,
      `${changes} membership changes; at most ${MAX_MEMBERS_PER_REQUEST} are allowed in one request (${GUIDE})`,
      'tooMany',
    );
}

/** The group's next state after `operations`, checked; the stored group is left unchanged. */
export function patchGroup(
  group: StoredGroup,
  requested: readonly PatchOperation[],
): { displayName: string; externalId?: string; members: Set<string> } {
  // The guide's own example repeats the group's id in a path-less replace: it changes nothing.
  const operations = requested.map((op) =>
    op.path === undefined && isObject(op.value)
      ? {
          ...op,
          value: Object.fromEntries(
            Object.entries(op.value).filter(([key]) => key.toLowerCase() !== 'id'),
          ),
        }
      : op,
  );
  checkAllowed(operations);
  const draft: JsonObject = {
    schemas: [GROUP_SCHEMA],
    displayName: group.displayName,
    ...(group.externalId !== undefined ? { externalId: group.externalId } : {}),
    members: [...group.members].map((value) => ({ value })),
  };
  for (const operation of operations) applyOperation(draft, operation, GROUP_MATCH_RULES);
  const members = draft[keyOf(draft, 'members') ?? 'members'];
  const ids = new Set<string>();
  for (const [index, member] of (Array.isArray(members)
    ? members
    : members === undefined
      ? []
      : [members]
  ).entries()) {
    const id = isObject(member) ? member[keyOf(member, 'value') ?? 'value'] : undefined;
    if (typeof id !== 'string' || !id)
      throw new ScimError(
        400,
        `members[${index}] must be an object with a user id in "value"`,
        'invalidValue',
      );
    ids.add(id);
  }
  const externalId = readExternalId(draft[keyOf(draft, 'externalId') ?? 'externalId']);
  return {
    displayName: readDisplayName(draft[keyOf(draft, 'displayName') ?? 'displayName']),
    ...(externalId !== undefined ? { externalId } : {}),
    members: ids,
  };
}
