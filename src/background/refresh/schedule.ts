// When kept-fresh credentials are due: a margin before they expire, once per expiry. Pure, so the
// tests drive it with their own clock; the worker turns `nextWake` into an alarm.

export interface HeldCredentials {
  tabId: number;
  roleArn: string;
  /** Epoch ms when STS says the credentials expire. */
  expiresAt: number;
}

/** Per credentials key, the expiry an attempt was already made for (the never-loop rule). */
export type Attempted = ReadonlyMap<string, number>;

export const heldKey = (held: Pick<HeldCredentials, 'tabId' | 'roleArn'>): string =>
  `${held.tabId}:${held.roleArn}`;

export const dueAt = (held: HeldCredentials, marginMs: number): number => held.expiresAt - marginMs;

/** The credentials to refresh now: due, and not yet tried for this expiry. */
export function dueNow(
  held: readonly HeldCredentials[],
  options: { marginMs: number; now: number; attempted: Attempted },
): HeldCredentials[] {
  return held.filter(
    (h) =>
      dueAt(h, options.marginMs) <= options.now &&
      options.attempted.get(heldKey(h)) !== h.expiresAt,
  );
}

/** When to wake next (epoch ms), or undefined when nothing is waiting to be refreshed. */
export function nextWake(
  held: readonly HeldCredentials[],
  options: { marginMs: number; attempted: Attempted },
): number | undefined {
  let next: number | undefined;
  for (const h of held) {
    if (options.attempted.get(heldKey(h)) === h.expiresAt) continue;
    const at = dueAt(h, options.marginMs);
    if (next === undefined || at < next) next = at;
  }
  return next;
}
