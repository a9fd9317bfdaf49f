import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_PATH, renderBenchSection, replaceBenchSection } from '../../bench/readme-table.ts';
import { readResults, REFERENCE } from '../../bench/results-file.ts';
import { checkTargets, TARGETS } from '../../bench/targets.ts';

describe('the README benchmark table', () => {
  it('is what bench/reference.json makes (run npx tsx bench/readme-table.ts --write)', async () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(replaceBenchSection(readme, await renderBenchSection())).toBe(readme);
  });

  it('names the machine and date of every group it quotes', async () => {
    const section = await renderBenchSection();
    for (const [group, { measured }] of Object.entries(readResults(REFERENCE))) {
      expect(section).toContain(`- ${group}: ${measured.cpus} × ${measured.cpuModel}`);
      expect(section).toMatch(new RegExp(`- ${group}: .*${measured.date}`));
    }
  });
});

describe('bench targets', () => {
  it('each read a row that the reference measured', () => {
    const rows = Object.values(readResults(REFERENCE)).flatMap((group) => group.rows);
    for (const target of TARGETS) {
      const pattern = target.rows.endsWith('*') ? target.rows.slice(0, -1) : target.rows;
      expect(
        rows.some((row) => row.name.startsWith(pattern)),
        target.rows,
      ).toBe(true);
    }
  });

  it('fail a measurement past the target, and a CLI that did not finish', () => {
    const verdicts = checkTargets([
      { name: 'inspect-1000-roles', medianMs: 3.5, speedup: 7 },
      {
        name: 'adversarial-deep-nesting',
        ratioToNormal: 1,
        medianMs: 10,
        peakRssMB: 'did not finish in 60 s',
      },
    ]);
    expect(verdicts.map((v) => [v.pass, v.line])).toEqual([
      [false, 'inspect 1,000 roles: 3.5 ms (target <= 3 ms)'],
      [true, 'inspect 1,000 roles against the xmldom baseline: 7x (target >= 1.2x)'],
      [true, 'adversarial-deep-nesting: against the normal response: 1x (target <= 3x)'],
      [true, 'adversarial-deep-nesting: 10 ms (target < 200 ms)'],
      [false, 'adversarial-deep-nesting: CLI peak: NaN MB (target <= 150 MB)'],
    ]);
  });
});
