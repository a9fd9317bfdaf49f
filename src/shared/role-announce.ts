import type { RoleEntry } from './role-search.ts';

/** An account as the popup names it: the alias when there is one, and always the ID. */
export function accountLabel(entry: Pick<RoleEntry, 'alias' | 'role'>): string {
  const { accountId } = entry.role;
  return entry.alias ? `${entry.alias} ${accountId}` : accountId;
}

/** What the polite live region says after each keystroke in the filter. */
export function matchAnnouncement(query: string, matchCount: number, total: number): string {
  const roles = (n: number) => `${n} role${n === 1 ? '' : 's'}`;
  if (!query.trim()) return roles(total);
  if (matchCount === 0) return `No role matches, of ${roles(total)}`;
  return `${matchCount} of ${roles(total)} match${matchCount === 1 ? 'es' : ''}`;
}
