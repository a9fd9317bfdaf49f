import { randomBytes } from 'node:crypto';

/** Entries expire so a long-running demo server does not grow without bound. */
const TTL_MS = 8 * 60 * 60 * 1000;

/** In-memory map from random keys to values with an expiry; used for logins and pending requests. */
export class ExpiringStore<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  constructor(
    private readonly ttlMs = TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  add(value: T): string {
    this.sweep();
    const key = randomBytes(24).toString('base64url');
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    return key;
  }

  get(key: string | undefined): T | undefined {
    if (!key) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  delete(key: string | undefined): void {
    if (key) this.entries.delete(key);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
  }
}
