// What the user asked to keep fresh, and how early: storage.local (a preference, not a secret).
import type { KeyValueArea } from '../../platform/types.ts';

const KEY = 'refresh:keep-fresh';

export const DEFAULT_MARGIN_MINUTES = 5;
/** STS's shortest session is 15 minutes: a margin as long would refresh without end. */
export const MIN_MARGIN_MINUTES = 1;
export const MAX_MARGIN_MINUTES = 10;
/** A role list longer than any assertion's (AWS's own picker shows a few thousand at most). */
const MAX_ROLES = 5000;

export interface KeepFresh {
  /** Every role that has credentials, or only `roles`. */
  all: boolean;
  roles: string[];
  marginMinutes: number;
}

export const KEEP_NOTHING_FRESH: KeepFresh = {
  all: false,
  roles: [],
  marginMinutes: DEFAULT_MARGIN_MINUTES,
};

export function isKeptFresh(settings: KeepFresh, roleArn: string): boolean {
  return settings.all || settings.roles.includes(roleArn);
}

/** Reads what storage holds into a valid setting, whatever an older version or a hand left. */
export function readKeepFresh(value: unknown): KeepFresh {
  const raw = (value ?? {}) as Partial<Record<keyof KeepFresh, unknown>>;
  const margin = raw.marginMinutes;
  return {
    all: raw.all === true,
    roles: Array.isArray(raw.roles)
      ? raw.roles.filter((r): r is string => typeof r === 'string').slice(0, MAX_ROLES)
      : [],
    marginMinutes:
      typeof margin === 'number' &&
      Number.isInteger(margin) &&
      margin >= MIN_MARGIN_MINUTES &&
      margin <= MAX_MARGIN_MINUTES
        ? margin
        : DEFAULT_MARGIN_MINUTES,
  };
}

export interface KeepFreshStore {
  load(): Promise<KeepFresh>;
  update(change: (settings: KeepFresh) => KeepFresh): Promise<KeepFresh>;
}

export function keepFreshStore(area: KeyValueArea): KeepFreshStore {
  const load = async () => readKeepFresh(await area.get(KEY));
  return {
    load,
    async update(change) {
      const next = readKeepFresh(change(await load()));
      await area.set(KEY, next);
      return next;
    },
  };
}

/** Turns keep-fresh on or off for one role (or, with `all`, every role). */
export function withRoleKeptFresh(
  settings: KeepFresh,
  target: { all: true } | { roleArn: string },
  on: boolean,
): KeepFresh {
  if ('all' in target) return { ...settings, all: on };
  const roles = settings.roles.filter((r) => r !== target.roleArn);
  return { ...settings, roles: on ? [...roles, target.roleArn] : roles };
}
