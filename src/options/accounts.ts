import type { AccountSettings, Settings } from '../core/settings.ts';

export interface AccountRowData extends AccountSettings {
  accountId: string;
}

/** Accounts sorted by alias, then ID, for the options table. */
export function accountRows(settings: Settings): AccountRowData[] {
  return Object.entries(settings.accounts)
    .map(([accountId, account]) => ({ accountId, ...account }))
    .sort((a, b) => {
      // Accounts without an alias go last, by ID.
      if (a.alias === undefined || b.alias === undefined) {
        if (a.alias !== b.alias) return a.alias === undefined ? 1 : -1;
        return a.accountId.localeCompare(b.accountId);
      }
      return a.alias.localeCompare(b.alias) || a.accountId.localeCompare(b.accountId);
    });
}

/** Sets (or with empty values removes) one account's alias and colour; a typed alias is the user's. */
export function withAccount(
  settings: Settings,
  accountId: string,
  change: { alias?: string; color?: string },
): Settings {
  if (!/^\d{12}$/.test(accountId))
    throw new Error(`"${accountId}" is not a 12-digit AWS account ID.`);
  const current = settings.accounts[accountId] ?? {};
  const next: AccountSettings = { ...current };
  if (change.alias !== undefined) {
    const alias = change.alias.trim();
    if (alias) next.alias = alias;
    else delete next.alias;
    delete next.learned;
  }
  if (change.color !== undefined) {
    if (change.color) next.color = change.color;
    else delete next.color;
  }
  const accounts = { ...settings.accounts };
  if (next.alias || next.color) accounts[accountId] = next;
  else delete accounts[accountId];
  return { ...settings, accounts };
}

export function withoutAccount(settings: Settings, accountId: string): Settings {
  const accounts = { ...settings.accounts };
  delete accounts[accountId];
  return { ...settings, accounts };
}
