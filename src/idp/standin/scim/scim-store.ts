// The stand-in's identity store: in memory, bounded, gone when it stops.
import { randomUUID } from 'node:crypto';
import type { JsonObject } from './attribute-path.ts';
import { ScimError } from './scim-error.ts';

export interface StoredUser {
  id: string;
  /** The user as readUser returned it (no id or meta). */
  data: JsonObject;
  created: number;
  lastModified: number;
}

export interface StoredGroup {
  id: string;
  displayName: string;
  externalId?: string;
  members: Set<string>;
  created: number;
  lastModified: number;
}

export interface ScimStoreLimits {
  maxUsers: number;
  maxGroups: number;
  maxMembersPerGroup: number;
}

export const DEFAULT_SCIM_LIMITS: ScimStoreLimits = {
  maxUsers: 10_000,
  maxGroups: 10_000,
  maxMembersPerGroup: 10_000,
};

const fold = (text: string) => text.toLowerCase();

/** Users and groups by id, with userName and displayName unique regardless of case. */
export class ScimStore {
  readonly users = new Map<string, StoredUser>();
  readonly groups = new Map<string, StoredGroup>();
  private readonly userNames = new Map<string, string>();
  private readonly groupNames = new Map<string, string>();

  constructor(
    private readonly now: () => number,
    readonly limits: ScimStoreLimits = DEFAULT_SCIM_LIMITS,
    private readonly newId: () => string = randomUUID,
  ) {}

  /** The provisioned user with this userName (case-insensitive, as RFC 7643 defines userName). */
  userByName(userName: string): StoredUser | undefined {
    const id = this.userNames.get(fold(userName));
    return id === undefined ? undefined : this.users.get(id);
  }

  getUser(id: string): StoredUser {
    const user = this.users.get(id);
    if (!user) throw new ScimError(404, `no user with id "${id}"`);
    return user;
  }

  getGroup(id: string): StoredGroup {
    const group = this.groups.get(id);
    if (!group) throw new ScimError(404, `no group with id "${id}"`);
    return group;
  }

  private claimUserName(userName: string, id: string): void {
    const holder = this.userNames.get(fold(userName));
    if (holder !== undefined && holder !== id)
      throw new ScimError(409, `a user with userName "${userName}" already exists`, 'uniqueness');
  }

  createUser(data: JsonObject): StoredUser {
    const userName = data.userName as string;
    this.claimUserName(userName, '');
    if (this.users.size >= this.limits.maxUsers)
      throw new ScimError(400, `the stand-in holds at most ${this.limits.maxUsers} users`);
    const at = this.now();
    const user: StoredUser = { id: this.newId(), data, created: at, lastModified: at };
    this.users.set(user.id, user);
    this.userNames.set(fold(userName), user.id);
    return user;
  }

  replaceUser(id: string, data: JsonObject): StoredUser {
    const user = this.getUser(id);
    const userName = data.userName as string;
    this.claimUserName(userName, id);
    this.userNames.delete(fold(user.data.userName as string));
    this.userNames.set(fold(userName), id);
    user.data = data;
    user.lastModified = this.now();
    return user;
  }

  deleteUser(id: string): void {
    const user = this.getUser(id);
    this.users.delete(id);
    this.userNames.delete(fold(user.data.userName as string));
    for (const group of this.groups.values()) group.members.delete(id);
  }

  private claimGroupName(displayName: string, id: string): void {
    const holder = this.groupNames.get(fold(displayName));
    if (holder !== undefined && holder !== id)
      throw new ScimError(
        409,
        `a group with displayName "${displayName}" already exists`,
        'uniqueness',
      );
  }

  /** Every id names a provisioned user, and the group stays within its bound. */
  checkMembers(ids: Iterable<string>, size: number): void {
    for (const id of ids)
      if (!this.users.has(id))
        throw new ScimError(400, `members: no user with id "${id}"`, 'invalidValue');
    if (size > this.limits.maxMembersPerGroup)
      throw new ScimError(
        400,
        `a group holds at most ${this.limits.maxMembersPerGroup} members here`,
      );
  }

  createGroup(fields: {
    displayName: string;
    externalId?: string;
    members: string[];
  }): StoredGroup {
    this.claimGroupName(fields.displayName, '');
    if (this.groups.size >= this.limits.maxGroups)
      throw new ScimError(400, `the stand-in holds at most ${this.limits.maxGroups} groups`);
    this.checkMembers(fields.members, fields.members.length);
    const at = this.now();
    const group: StoredGroup = {
      id: this.newId(),
      displayName: fields.displayName,
      ...(fields.externalId !== undefined ? { externalId: fields.externalId } : {}),
      members: new Set(fields.members),
      created: at,
      lastModified: at,
    };
    this.groups.set(group.id, group);
    this.groupNames.set(fold(group.displayName), group.id);
    return group;
  }

  /** Saves a group's new state, made on a copy so a refused change leaves the stored one whole. */
  saveGroup(
    id: string,
    next: { displayName: string; externalId?: string; members: Set<string> },
  ): StoredGroup {
    const group = this.getGroup(id);
    this.claimGroupName(next.displayName, id);
    this.checkMembers(
      [...next.members].filter((m) => !group.members.has(m)),
      next.members.size,
    );
    this.groupNames.delete(fold(group.displayName));
    this.groupNames.set(fold(next.displayName), id);
    group.displayName = next.displayName;
    if (next.externalId === undefined) delete group.externalId;
    else group.externalId = next.externalId;
    group.members = next.members;
    group.lastModified = this.now();
    return group;
  }

  deleteGroup(id: string): void {
    const group = this.getGroup(id);
    this.groups.delete(id);
    this.groupNames.delete(fold(group.displayName));
  }
}
