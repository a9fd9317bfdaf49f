import type { RolePair } from '../../core/index.ts';
import type { Settings } from '../../shared/settings.ts';

/** A role prepared for searching: everything a person might type, lower-cased once. */
export interface RoleEntry {
  role: RolePair;
  alias?: string;
  color?: string;
  /** The last segment of the role name. */
  baseName: string;
  /** The role path, `/` when there is none, e.g. `/team/dev/`. */
  path: string;
  haystack: string;
}

export function toEntries(roles: readonly RolePair[], accounts: Settings['accounts']): RoleEntry[] {
  return roles.map((role) => {
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
