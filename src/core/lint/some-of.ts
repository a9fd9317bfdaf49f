/** The first items joined, then how many more: a finding about a value names a few, not 100,000. */
export function someOf(items: readonly string[], separator: string, max = 3): string {
  const shown = items.slice(0, max).join(separator);
  const rest = items.length - Math.min(items.length, max);
  return rest > 0 ? `${shown}${separator}and ${rest} more` : shown;
}
