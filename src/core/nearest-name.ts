/** Names longer than this are not typos of a short name; it also bounds each comparison. */
const MAX_NAME_LENGTH = 64;

/**
 * The candidate closest to `typed` by edit distance (insertions, deletions, substitutions and
 * swapped neighbours), when it is close enough to be a likely typo: at most 2 edits, and fewer
 * than half the typed length. Undefined otherwise. Each comparison is bounded by MAX_NAME_LENGTH,
 * so the cost is linear in the number of candidates.
 */
export function nearestName(typed: string, candidates: Iterable<string>): string | undefined {
  if (typed.length === 0 || typed.length > MAX_NAME_LENGTH) return undefined;
  const limit = Math.min(2, Math.ceil(typed.length / 2) - 1);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === typed || candidate.length > MAX_NAME_LENGTH) continue;
    if (Math.abs(candidate.length - typed.length) >= bestDistance) continue;
    const distance = editDistance(typed, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance, three rows of the table at a time. */
function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
