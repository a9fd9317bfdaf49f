// The assertion diff beside inspecting one of its two inputs, on the same machine in the same run:
// diffing two inspections should cost a fraction of making one, at every size (linear in both).
import { diffInspections, inspect, isSameMeaning } from '../src/core/index.ts';
import { buildSamlResponse, manyRoles, toBase64 } from '../test/support/saml-fixture.ts';
import { medianMs, round, type BenchRow } from './stats.ts';

const NOW = new Date('2026-01-01T00:30:00Z');

export function runDiffBench(sizes = [100, 1000, 4000]): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const roles of sizes) {
    const pairs = manyRoles(roles);
    const groups = Array.from({ length: roles / 4 }, (_, i) => `group-${i}`);
    const before = toBase64(
      buildSamlResponse({ roles: pairs, extraAttributes: [{ name: 'groups', values: groups }] }),
    );
    const after = toBase64(
      buildSamlResponse({
        roles: pairs.slice(1),
        responseId: '_other',
        extraAttributes: [{ name: 'groups', values: groups.slice(0, -1) }],
      }),
    );
    const a = inspect(before, { now: NOW });
    const b = inspect(after, { now: NOW });
    const check = diffInspections(a, b);
    if (isSameMeaning(check) || check.roles.removed.length !== 1)
      throw new Error(`bench fixture for ${roles} roles does not differ by one role`);
    const diff = medianMs(() => diffInspections(a, b));
    const inspectOne = medianMs(() => inspect(before, { now: NOW }));
    rows.push({
      name: `diff-${roles}-roles`,
      roles,
      medianMs: round(diff),
      baselineMedianMs: round(inspectOne),
      ratioToInspect: round(diff / inspectOne, 3),
      microsecondsPerRole: round((diff * 1000) / roles, 3),
    });
  }
  return rows;
}
