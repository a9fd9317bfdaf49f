import { isObject, splitPath, valuesAt, type JsonObject } from './attribute-path.ts';
import type { EqComparison } from './filter.ts';

/** What a resource type tells the matcher: its core schema and which strings compare exactly. */
export interface MatchRules {
  coreSchema: string;
  /** RFC 7643 §7 caseExact, by lower-cased attribute path (e.g. `id`, `externalid`). */
  caseExact: ReadonlySet<string>;
}

function equal(actual: unknown, wanted: EqComparison['value'], exact: boolean): boolean {
  if (typeof actual === 'string' && typeof wanted === 'string')
    return exact ? actual === wanted : actual.toLowerCase() === wanted.toLowerCase();
  return actual === wanted;
}

/** RFC 7644 §3.4.2.2: every comparison holds for some value at its path (a complex one by `value`). */
export function matchesAll(
  resource: JsonObject,
  comparisons: readonly EqComparison[],
  rules: MatchRules,
): boolean {
  return comparisons.every((comparison) => {
    const { holder, names } = splitPath(resource, comparison.path, rules.coreSchema);
    const exact = rules.caseExact.has(names.join('.').toLowerCase());
    return valuesAt(holder, names).some((value) =>
      isObject(value)
        ? equal(value.value, comparison.value, exact)
        : equal(value, comparison.value, exact),
    );
  });
}
