/**
 * The items of `after` not in `before` and the other way round, each item counted (two equal
 * items on one side and one on the other leave one over). Linear: one Map keyed by `key`, whose
 * keys are the values themselves, so no key can collide with anything inherited.
 */
export function multisetChanges<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
): { added: T[]; removed: T[] } {
  const unmatched = new Map<string, number>();
  for (const item of before) {
    const k = key(item);
    unmatched.set(k, (unmatched.get(k) ?? 0) + 1);
  }
  const added: T[] = [];
  for (const item of after) {
    const k = key(item);
    const count = unmatched.get(k) ?? 0;
    if (count > 0) unmatched.set(k, count - 1);
    else added.push(item);
  }
  const removed: T[] = [];
  for (const item of before) {
    const k = key(item);
    const count = unmatched.get(k) ?? 0;
    if (count > 0) {
      unmatched.set(k, count - 1);
      removed.push(item);
    }
  }
  return { added, removed };
}
