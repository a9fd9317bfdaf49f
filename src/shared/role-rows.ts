import type { Settings } from '../core/settings.ts';
import { matches, queryTerms, type RoleEntry } from './role-search.ts';

export type Row =
  | { kind: 'section'; key: string; label: string }
  | {
      kind: 'account';
      key: string;
      accountId: string;
      alias?: string;
      color?: string;
      count: number;
    }
  | { kind: 'role'; key: string; entry: RoleEntry; pinned: 'favourite' | 'recent' | null };

export interface RowList {
  rows: Row[];
  /** Indexes into `rows` of the role rows, in keyboard order. */
  roleRows: number[];
  matchCount: number;
}

/** Account groups in assertion order (as AWS's own picker lists them). */
export function groupEntries(entries: readonly RoleEntry[]): RoleEntry[][] {
  const groups = new Map<string, RoleEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.role.accountId);
    if (group) group.push(entry);
    else groups.set(entry.role.accountId, [entry]);
  }
  return [...groups.values()];
}

/**
 * The flat list the popup (and the panel on AWS's role page) renders: favourites, then the last roles used, then every account with
 * its roles, each filtered by the query. Flat so that only the visible rows are rendered.
 */
export function buildRows(
  groups: readonly RoleEntry[][],
  settings: Pick<Settings, 'favourites' | 'recents'>,
  query: string,
): RowList {
  const terms = queryTerms(query);
  const rows: Row[] = [];
  const roleRows: number[] = [];
  const byArn = new Map<string, RoleEntry>();
  let matchCount = 0;
  const filtered = groups.map((group) => {
    const kept = terms.length === 0 ? group : group.filter((entry) => matches(entry, terms));
    for (const entry of kept) byArn.set(entry.role.roleArn, entry);
    matchCount += kept.length;
    return kept;
  });
  const pushRole = (
    entry: RoleEntry,
    pinned: 'favourite' | 'recent' | null,
    keyPrefix: string,
  ): void => {
    roleRows.push(rows.length);
    rows.push({ kind: 'role', key: `${keyPrefix}:${entry.role.roleArn}`, entry, pinned });
  };
  const pinnedSection = (
    arns: readonly string[],
    label: string,
    pinned: 'favourite' | 'recent',
    skip: ReadonlySet<string>,
  ): void => {
    const entries = arns
      .filter((arn) => !skip.has(arn))
      .map((arn) => byArn.get(arn))
      .filter((e) => e !== undefined);
    if (entries.length === 0) return;
    rows.push({ kind: 'section', key: `section:${pinned}`, label });
    for (const entry of entries) pushRole(entry, pinned, pinned);
  };
  pinnedSection(settings.favourites, 'Favourites', 'favourite', new Set());
  pinnedSection(settings.recents, 'Recent', 'recent', new Set(settings.favourites));
  for (const group of filtered) {
    const first = group[0];
    if (!first) continue;
    const { accountId } = first.role;
    rows.push({
      kind: 'account',
      key: `account:${accountId}`,
      accountId,
      count: group.length,
      ...(first.alias ? { alias: first.alias } : {}),
      ...(first.color ? { color: first.color } : {}),
    });
    for (const entry of group) pushRole(entry, null, 'role');
  }
  return { rows, roleRows, matchCount };
}
