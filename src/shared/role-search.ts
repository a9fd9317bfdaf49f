import type { Settings } from '../core/settings.ts';

/** A role as the popup and the panel on AWS's page list it, read from its ARN (`arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`). */
export interface RoleRef {
  roleArn: string;
  accountId: string;
  /** Name with its path, e.g. `team/dev/ReadOnly`. */
  roleName: string;
}

export function roleRef(roleArn: string): RoleRef {
  const parts = roleArn.split(':');
  const resource = parts.slice(5).join(':');
  return { roleArn, accountId: parts[4] ?? '', roleName: resource.replace(/^role\//, '') };
}

/** A role prepared for searching: everything a person might type, lower-cased once. */
export interface RoleEntry {
  role: RoleRef;
  alias?: string;
  color?: string;
  /** The last segment of the role name. */
  baseName: string;
  /** The role path, `/` when there is none, e.g. `/team/dev/`. */
  path: string;
  haystack: string;
}

export function toEntries(
  roleArns: readonly string[],
  accounts: Settings['accounts'],
): RoleEntry[] {
  return roleArns.map((arn) => {
    const role = roleRef(arn);
    const account = accounts[role.accountId];
    const slash = role.roleName.lastIndexOf('/');
    const baseName = role.roleName.slice(slash + 1);
    const path = slash < 0 ? '/' : `/${role.roleName.slice(0, slash)}/`;
    const haystack = `${role.accountId} ${account?.alias ?? ''} ${role.roleName}`.toLowerCase();
    return {
      role,
      baseName,
      path,
      haystack,
      ...(account?.alias ? { alias: account.alias } : {}),
      ...(account?.color ? { color: account.color } : {}),
    };
  });
}

/** Splits a query into terms; every term must occur in a role's account ID, alias, path or name. */
export function queryTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matches(entry: RoleEntry, terms: readonly string[]): boolean {
  for (const term of terms) if (!entry.haystack.includes(term)) return false;
  return true;
}
