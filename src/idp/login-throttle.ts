import { type Clock, systemClock } from '../core/inspect.ts';

/** A refusal to check a password now, and for how long. */
export interface Throttled {
  retryAfterSeconds: number;
  message: string;
}

export interface LoginThrottleOptions {
  /** Failures per username before it is locked for `userLockMs`. */
  perUser?: number;
  userLockMs?: number;
  /** Failures over all usernames per `overallWindowMs` before every login waits for the window. */
  overall?: number;
  overallWindowMs?: number;
  now?: Clock;
}

/**
 * Slows password guessing: a username is locked after a few failures, and all logins wait after
 * many failures in a short window. Only configured usernames get a counter of their own, so the
 * memory is bounded by the config, whatever names a guesser tries.
 */
export class LoginThrottle {
  private readonly users = new Map<string, { failures: number; lockedUntil: number }>();
  private overallFailures = 0;
  private overallWindowEnd = 0;
  private readonly perUser: number;
  private readonly userLockMs: number;
  private readonly overall: number;
  private readonly overallWindowMs: number;
  private readonly now: Clock;

  constructor(
    private readonly knownUser: (username: string) => boolean,
    options: LoginThrottleOptions = {},
  ) {
    this.perUser = options.perUser ?? 5;
    this.userLockMs = options.userLockMs ?? 15 * 60_000;
    this.overall = options.overall ?? 30;
    this.overallWindowMs = options.overallWindowMs ?? 60_000;
    this.now = options.now ?? systemClock;
  }

  /** Whether a login as `username` must wait, checked before the password is. */
  check(username: string): Throttled | undefined {
    const now = this.now();
    if (this.overallFailures >= this.overall && now < this.overallWindowEnd)
      return this.throttled(this.overallWindowEnd - now, 'Too many failed sign-ins');
    const user = this.users.get(username);
    if (user && now < user.lockedUntil)
      return this.throttled(user.lockedUntil - now, `Too many failed sign-ins for ${username}`);
    return undefined;
  }

  failed(username: string): void {
    const now = this.now();
    if (now >= this.overallWindowEnd) {
      this.overallFailures = 0;
      this.overallWindowEnd = now + this.overallWindowMs;
    }
    this.overallFailures++;
    if (!this.knownUser(username)) return;
    const user = this.users.get(username) ?? { failures: 0, lockedUntil: 0 };
    if (user.lockedUntil !== 0 && now >= user.lockedUntil) user.failures = 0;
    user.failures++;
    user.lockedUntil = user.failures >= this.perUser ? now + this.userLockMs : 0;
    this.users.set(username, user);
  }

  succeeded(username: string): void {
    this.users.delete(username);
  }

  private throttled(waitMs: number, reason: string): Throttled {
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    return { retryAfterSeconds, message: `${reason}; try again in ${retryAfterSeconds} s.` };
  }
}
