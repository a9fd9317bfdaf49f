import { type Clock, systemClock } from '../core/inspect.ts';
import { randomBytes } from 'node:crypto';

export interface ExpiringStoreOptions {
  /** How long an entry lives. */
  ttlMs: number;
  /** The most entries kept; adding one more forgets the oldest, so memory stays bounded. */
  maxEntries: number;
  /** Random bytes per key (24 unless told: AWS's sign-in tokens are longer). */
  keyBytes?: number;
  now?: Clock;
}

/**
 * In-memory map from random keys to values with an expiry and a size cap; used for logins and
 * pending requests. A Map keeps insertion order and every entry lives equally long, so the first
 * entries are both the oldest and the first to expire: sweeping and evicting stop at the first
 * live one, keeping each add O(1) amortised.
 */
export class ExpiringStore<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly keyBytes: number;
  private readonly now: Clock;

  constructor(options: ExpiringStoreOptions) {
    this.keyBytes = options.keyBytes ?? 24;
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries;
    this.now = options.now ?? systemClock;
  }

  get size(): number {
    return this.entries.size;
  }

  add(value: T): string {
    this.sweep();
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    const key = randomBytes(this.keyBytes).toString('base64url');
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
    for (const [key, entry] of this.entries) {
      if (entry.expires > now) break;
      this.entries.delete(key);
    }
  }
}
