import type { StsCredentials } from './types.ts';

/**
 * Milliseconds until the credentials expire (negative once they have); NaN when the expiration is
 * not a date. The popup counts down with it and drops credentials at zero.
 */
export function msUntilExpiry(credentials: Pick<StsCredentials, 'expiration'>, now: Date): number {
  return Date.parse(credentials.expiration) - now.getTime();
}

export function isExpired(credentials: Pick<StsCredentials, 'expiration'>, now: Date): boolean {
  const left = msUntilExpiry(credentials, now);
  return Number.isNaN(left) || left <= 0;
}
