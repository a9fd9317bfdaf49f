/** "4:05" / "1:02:03" left until `expiresAt`, or undefined once it has passed. */
export function formatRemaining(expiresAt: number, now: number): string | undefined {
  const ms = expiresAt - now;
  if (ms <= 0) return undefined;
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A local clock time for messages such as "expired at 14:03:12". */
export function formatClock(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** How long before expiry the popup warns, once, in its live region. */
export const EXPIRY_WARNING_MS = 60_000;

/**
 * What the header's live region says: nothing until the last minute, then one sentence. It changes
 * once, so a screen reader hears it once, and focus stays where it was (the search box).
 */
export function expiryWarning(expiresAt: number | undefined, now: number): string {
  if (expiresAt === undefined || expiresAt <= now || expiresAt - now > EXPIRY_WARNING_MS) return '';
  return 'The SAML assertion expires in less than a minute: sign in now, or at your identity provider again.';
}
