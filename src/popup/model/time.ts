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
