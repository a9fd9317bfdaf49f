// User settings (not secrets): account aliases and colours, favourite and recent role ARNs.

export interface AccountSettings {
  alias?: string;
  /** A CSS colour such as `#d97706`. */
  color?: string;
  /** True when the alias was read from AWS's role-selection page rather than typed. */
  learned?: boolean;
}

export interface Settings {
  accounts: Record<string, AccountSettings>;
  favourites: string[];
  /** Most recent first; role ARNs only. */
  recents: string[];
}

export const SETTINGS_KEY = 'settings';
export const MAX_RECENTS = 5;

export const emptySettings = (): Settings => ({ accounts: {}, favourites: [], recents: [] });

const ACCOUNT_ID = /^\d{12}$/;
const COLOR = /^#[0-9a-f]{6}$/i;
const ROLE_ARN = /^arn:[\w-]+:iam::\d{12}:role\/\S+$/;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Reads settings from storage or an imported file, keeping only well-formed entries. */
export function normalizeSettings(value: unknown): Settings {
  const settings = emptySettings();
  if (typeof value !== 'object' || value === null) return settings;
  const source = value as Record<string, unknown>;
  const accounts = source.accounts;
  if (typeof accounts === 'object' && accounts !== null) {
    for (const [id, raw] of Object.entries(accounts as Record<string, unknown>)) {
      if (!ACCOUNT_ID.test(id) || typeof raw !== 'object' || raw === null) continue;
      const entry = raw as Record<string, unknown>;
      const account: AccountSettings = {};
      if (typeof entry.alias === 'string' && entry.alias.trim()) account.alias = entry.alias.trim();
      if (typeof entry.color === 'string' && COLOR.test(entry.color)) account.color = entry.color;
      if (entry.learned === true) account.learned = true;
      if (account.alias || account.color) settings.accounts[id] = account;
    }
  }
  settings.favourites = [...new Set(strings(source.favourites).filter((a) => ROLE_ARN.test(a)))];
  settings.recents = [...new Set(strings(source.recents).filter((a) => ROLE_ARN.test(a)))].slice(
    0,
    MAX_RECENTS,
  );
  return settings;
}

/** Parses an imported settings file; throws with a message a person can act on. */
export function parseSettingsJson(text: string): Settings {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`The file is not JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(
      'The file is not a settings object (expected { "accounts": ..., "favourites": [...] }).',
    );
  }
  return normalizeSettings(value);
}

export const settingsToJson = (settings: Settings): string =>
  `${JSON.stringify(settings, null, 2)}\n`;

export function withRecent(settings: Settings, roleArn: string): Settings {
  const recents = [roleArn, ...settings.recents.filter((a) => a !== roleArn)].slice(0, MAX_RECENTS);
  return { ...settings, recents };
}

export function withFavouriteToggled(settings: Settings, roleArn: string): Settings {
  const has = settings.favourites.includes(roleArn);
  const favourites = has
    ? settings.favourites.filter((a) => a !== roleArn)
    : [...settings.favourites, roleArn];
  return { ...settings, favourites };
}

/** Adds aliases read from AWS's page; an alias the user typed is never overwritten. */
export function withLearnedAliases(
  settings: Settings,
  learned: readonly { accountId: string; alias: string }[],
): Settings {
  const accounts = { ...settings.accounts };
  for (const { accountId, alias } of learned) {
    if (!ACCOUNT_ID.test(accountId) || !alias.trim()) continue;
    const current = accounts[accountId];
    if (current?.alias && !current.learned) continue;
    accounts[accountId] = { ...current, alias: alias.trim(), learned: true };
  }
  return { ...settings, accounts };
}
