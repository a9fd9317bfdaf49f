// Every benchmark target, in one place: `npm run bench` prints a PASS/FAIL line for each target
// whose rows the run measured, and the README's table states the same targets.
import type { BenchRow } from './stats.ts';

export interface Verdict {
  pass: boolean;
  /** `name: measured (target ...)`, without the PASS/FAIL word. */
  line: string;
}

export interface Target {
  /** The rows it reads, by name (a prefix ending in `*` matches several). */
  rows: string;
  /** The target in words, as the README's table states it. */
  summary: string;
  check(row: BenchRow): Verdict[];
}

/** Issue 12: the installed CLI starts in at most this many times bare `node -e 0`. */
export const CLI_START_RATIO = 2.5;

/** Issue 9: a hostile ~1 MB input costs at most this much more than a normal 1 MB response. */
export const ADVERSARIAL = { ratio: 3, ms: 200, rssMB: 150 } as const;

const num = (row: BenchRow, field: string): number => {
  const value = row[field];
  return typeof value === 'number' ? value : Number.NaN;
};

const atMost = (name: string, value: number, limit: number, unit: string): Verdict => ({
  pass: value <= limit,
  line: `${name}: ${value}${unit} (target <= ${limit}${unit})`,
});
const atLeast = (name: string, value: number, limit: number, unit: string): Verdict => ({
  pass: value >= limit,
  line: `${name}: ${value}${unit} (target >= ${limit}${unit})`,
});

export const TARGETS: readonly Target[] = [
  {
    rows: 'inspect-1000-roles',
    summary: '≤ 3 ms, ≥ 1.2×',
    check: (row) => [
      atMost('inspect 1,000 roles', num(row, 'medianMs'), 3, ' ms'),
      atLeast('inspect 1,000 roles against the xmldom baseline', num(row, 'speedup'), 1.2, 'x'),
    ],
  },
  {
    rows: 'sign-5-roles',
    summary: '≥ 0.16 of raw',
    check: (row) => [
      atLeast('full mint, share of raw RSA-SHA256 speed', num(row, 'ratio'), 0.16, ''),
      atLeast('signing alone, share of raw RSA-SHA256 speed', num(row, 'signOnlyRatio'), 0.16, ''),
    ],
  },
  {
    rows: 'popup-interactive-1000',
    summary: '≤ 50 ms',
    check: (row) => [
      atMost('popup open to the list, 1,000 roles', num(row, 'medianMs'), 50, ' ms'),
    ],
  },
  {
    rows: 'filter-keystroke-1000',
    summary: '≤ 16 ms',
    check: (row) => [atMost('filter keystroke, 1,000 roles', num(row, 'medianMs'), 16, ' ms')],
  },
  {
    rows: 'picker-panel-keystroke-1000',
    summary: '≤ 16 ms',
    check: (row) => [
      atMost(
        "filter keystroke on AWS's role page (the panel), 1,000 roles",
        num(row, 'medianMs'),
        16,
        ' ms',
      ),
    ],
  },
  {
    rows: 'diff-*',
    summary: '< 1× inspecting one input',
    check: (row) => [
      {
        pass: num(row, 'ratioToInspect') < 1,
        line: `${row.name}: ${num(row, 'ratioToInspect')} of inspecting one input (target < 1)`,
      },
    ],
  },
  {
    rows: 'cli-version',
    summary: `≤ ${CLI_START_RATIO}× node`,
    check: (row) => [
      atMost(
        'saml-roles --version cold start, to node -e 0',
        num(row, 'ratioToNode'),
        CLI_START_RATIO,
        'x',
      ),
    ],
  },
  {
    rows: 'cli-inspect',
    summary: `≤ ${CLI_START_RATIO}× node`,
    check: (row) => [
      atMost(
        'saml-roles inspect FILE cold start, to node -e 0',
        num(row, 'ratioToNode'),
        CLI_START_RATIO,
        'x',
      ),
    ],
  },
  {
    rows: 'cli-credential-process',
    summary: `≤ ${CLI_START_RATIO}× node`,
    check: (row) => [
      atMost(
        'saml-roles credential-process cold start (fake bridge host), to node -e 0',
        num(row, 'ratioToNode'),
        CLI_START_RATIO,
        'x',
      ),
    ],
  },
  {
    rows: 'adversarial-baseline-*',
    summary: `≤ ${ADVERSARIAL.rssMB} MB`,
    check: (row) => [
      atMost(`${row.name}: CLI peak`, num(row, 'peakRssMB'), ADVERSARIAL.rssMB, ' MB'),
    ],
  },
  {
    rows: 'adversarial-*',
    summary: `≤ ${ADVERSARIAL.ratio}×, < ${ADVERSARIAL.ms} ms, ≤ ${ADVERSARIAL.rssMB} MB`,
    check: (row) =>
      row.name.startsWith('adversarial-baseline-')
        ? []
        : [
            atMost(
              `${row.name}: against the normal response`,
              num(row, 'ratioToNormal'),
              ADVERSARIAL.ratio,
              'x',
            ),
            {
              pass: num(row, 'medianMs') < ADVERSARIAL.ms,
              line: `${row.name}: ${num(row, 'medianMs')} ms (target < ${ADVERSARIAL.ms} ms)`,
            },
            // A CLI that did not finish has a text here: NaN fails the target.
            atMost(`${row.name}: CLI peak`, num(row, 'peakRssMB'), ADVERSARIAL.rssMB, ' MB'),
          ],
  },
];

function matches(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** The verdicts on every target whose rows were measured, in TARGETS order. */
export function checkTargets(rows: readonly BenchRow[]): Verdict[] {
  return TARGETS.flatMap((target) =>
    rows.filter((row) => matches(target.rows, row.name)).flatMap((row) => target.check(row)),
  );
}
