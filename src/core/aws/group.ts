import type { RolePair } from './types.ts';

export interface AccountGroup {
  accountId: string;
  roles: RolePair[];
}

/** Roles grouped by account, accounts in the order they first appear (as AWS's picker shows them). */
export function groupRolesByAccount(roles: readonly RolePair[]): AccountGroup[] {
  const groups = new Map<string, AccountGroup>();
  for (const role of roles) {
    let group = groups.get(role.accountId);
    if (!group) groups.set(role.accountId, (group = { accountId: role.accountId, roles: [] }));
    group.roles.push(role);
  }
  return [...groups.values()];
}
