/** How many namespace problems a report lists: enough to fix a document, bounded for hostile ones. */
const MAX_LISTED = 10;

/**
 * Namespace problems found while reading, each said once, at most MAX_LISTED of them plus a
 * count of the rest, so a document with thousands of bad prefixes costs bounded memory.
 */
export class NamespaceProblems {
  private readonly listed = new Set<string>();
  private more = 0;

  add(problem: string): void {
    if (this.listed.has(problem)) return;
    if (this.listed.size < MAX_LISTED) this.listed.add(problem);
    else this.more++;
  }

  /** Whether another problem would still be listed (so callers can skip building its text). */
  get full(): boolean {
    return this.listed.size >= MAX_LISTED;
  }

  count(): void {
    this.more++;
  }

  /** Adds a problem whose text is costly (a line and column); once full, only counts it. */
  addCounted(describe: () => string): void {
    if (this.full) this.count();
    else this.add(describe());
  }

  list(): string[] {
    const problems = [...this.listed];
    if (this.more > 0)
      problems.push(`${this.more} more namespace problem${this.more === 1 ? '' : 's'} not listed`);
    return problems;
  }
}
