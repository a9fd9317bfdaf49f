/**
 * Whether `text` matches `pattern`, where `*` stands for any run of characters (none included,
 * '/' and ':' too) and every other character for itself. ARNs and session names cannot contain
 * `*`, so it needs no escape.
 *
 * Each `*`-free segment is found once, left to right, at its first place after the previous one
 * (the first pinned to the start, the last to the end): a star-only glob matches if and only if
 * this greedy search succeeds, so there is no backtracking and no blow-up on hostile patterns.
 */
export function matchesGlob(pattern: string, text: string): boolean {
  const segments = pattern.split('*');
  if (segments.length === 1) return pattern === text;
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  if (first.length + last.length > text.length) return false;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    const found = text.indexOf(segment, at);
    if (found < 0 || found + segment.length > end) return false;
    at = found + segment.length;
  }
  return true;
}

/** True when the pattern has a wildcard (else it is compared as a plain value). */
export function isGlob(pattern: string): boolean {
  return pattern.includes('*');
}
