// The README's benchmark table, made from bench/reference.json and the targets in targets.ts:
// `npx tsx bench/readme-table.ts --write` after `npm run bench -- --reference`; a test checks
// the README holds what this makes, so a figure is never quoted without its machine and date.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { describeMeasured, readResults, REFERENCE, type Results } from './results-file.ts';
import type { BenchRow } from './stats.ts';
import { TARGETS } from './targets.ts';

export const BENCH_START = '<!-- bench:start -->';
export const BENCH_END = '<!-- bench:end -->';
export const README_PATH = fileURLToPath(new URL('../README.md', import.meta.url));

const ms = (value: number): string =>
  value < 1 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
const count = (value: number): string => Math.round(value).toLocaleString('en-US');

class Reference {
  constructor(private readonly results: Results) {}

  row(name: string): BenchRow {
    for (const group of Object.values(this.results)) {
      const row = group.rows.find((candidate) => candidate.name === name);
      if (row) return row;
    }
    throw new Error(`bench/reference.json has no row "${name}"`);
  }

  rows(prefix: string): BenchRow[] {
    return Object.values(this.results).flatMap((group) =>
      group.rows.filter((row) => row.name.startsWith(prefix)),
    );
  }

  num(name: string, field: string): number {
    const value = this.row(name)[field];
    if (typeof value !== 'number')
      throw new Error(`bench/reference.json: ${name}.${field} is not a number`);
    return value;
  }
}

function target(rows: string): string {
  const found = TARGETS.find((candidate) => candidate.rows === rows);
  if (!found) throw new Error(`targets.ts has no target on ${rows}`);
  return found.summary;
}

function tableRows(ref: Reference): string[][] {
  const sizes = [10, 100, 5000].map((roles) => `inspect-${roles}-roles`);
  const hostile = ref.rows('adversarial-').filter((row) => !row.name.includes('baseline'));
  const worst = hostile.reduce((a, b) =>
    Number(b.ratioToNormal) > Number(a.ratioToNormal) ? b : a,
  );
  const normal = ref.rows('adversarial-baseline-')[0]!;
  const diffs = ref.rows('diff-');
  const peak = Math.max(...hostile.map((row) => Number(row.peakRssMB)));
  return [
    [
      `decode + parse + lint, 1,000-role response (${Math.round(ref.num('inspect-1000-roles', 'base64Chars') / 1000)} KB base64)`,
      `${ms(ref.num('inspect-1000-roles', 'medianMs'))} ms median`,
      `xmldom DOM + traversal, as peer tools do: ${ms(ref.num('inspect-1000-roles', 'baselineMedianMs'))} ms (${ref.num('inspect-1000-roles', 'speedup').toFixed(1)}× slower)`,
      target('inspect-1000-roles'),
    ],
    [
      'the same, 10 / 100 / 5,000 roles',
      `${sizes.map((name) => ms(ref.num(name, 'medianMs'))).join(' / ')} ms`,
      `${sizes.map((name) => ms(ref.num(name, 'baselineMedianMs'))).join(' / ')} ms`,
      '',
    ],
    [
      'ratio to the floor (base64 decoding alone + one regex pass)',
      `${ref.num('inspect-1000-roles', 'ratioToFloor').toFixed(1)}×`,
      '',
      'printed to drive down',
    ],
    [
      'XML parse alone, 1,000 roles (the core’s scanner)',
      `${ms(ref.num('xml-parse-1000-roles', 'medianMs'))} ms`,
      `fast-xml-parser’s plain parse: ${ms(ref.num('xml-parse-1000-roles', 'baselineMedianMs'))} ms (${ref.num('xml-parse-1000-roles', 'speedup').toFixed(1)}× slower)`,
      '',
    ],
    [
      'signed 5-role responses (xml-crypto)',
      `${count(ref.num('sign-5-roles', 'perSecond'))}/s (full mint), ${count(ref.num('sign-5-roles', 'xmlCryptoSignOnlyPerSecond'))}/s (signing alone)`,
      `raw RSA-SHA256 \`crypto.sign\`, same key: ${count(ref.num('sign-5-roles', 'rawSignPerSecond'))}/s`,
      `${target('sign-5-roles')}: ${ref.num('sign-5-roles', 'ratio').toFixed(2)} / ${ref.num('sign-5-roles', 'signOnlyRatio').toFixed(2)}`,
    ],
    [
      'SSO round trips, 20 concurrent users',
      `${count(ref.num('sso-roundtrips-20-concurrent', 'perSecond'))}/s`,
      '',
      '',
    ],
    [
      'popup open to the list on screen, 1,000 roles',
      `${ms(ref.num('popup-interactive-1000', 'medianMs'))} ms median (${ms(ref.num('popup-interactive-1000', 'scriptStartMedianMs'))} ms of it before the popup’s first script runs)`,
      `the stand-in’s AWS role-selection page, same roles: ${ms(ref.num('popup-interactive-1000', 'standInPickerMedianMs'))} ms`,
      target('popup-interactive-1000'),
    ],
    [
      'filter keystroke, 1,000 roles',
      `${ms(ref.num('filter-keystroke-1000', 'medianMs'))} ms median, ${ms(ref.num('filter-keystroke-1000', 'maxMs'))} ms max`,
      '',
      target('filter-keystroke-1000'),
    ],
    [
      'filter keystroke in the panel on AWS’s role page, 1,000 roles',
      `${ms(ref.num('picker-panel-keystroke-1000', 'medianMs'))} ms median, ${ms(ref.num('picker-panel-keystroke-1000', 'maxMs'))} ms max`,
      `the popup’s keystroke, same run: ${ms(ref.num('picker-panel-keystroke-1000', 'popupMedianMs'))} ms (${ref.num('picker-panel-keystroke-1000', 'ratioToPopup').toFixed(1)}×)`,
      target('picker-panel-keystroke-1000'),
    ],
    [
      'popup JS heap after opening, 1,000 roles',
      `${(ref.num('popup-heap-1000', 'usedJSHeapBytes') / 1e6).toFixed(1)} MB`,
      '',
      '',
    ],
    [
      'CLI cold start, `saml-roles --version`, installed from `npm pack`',
      `${ms(ref.num('cli-version', 'medianMs'))} ms median, ${ref.num('cli-version', 'ratioToNode').toFixed(2)}× node`,
      `\`node -e 0\`: ${ms(ref.num('cli-node-baseline', 'medianMs'))} ms; the clone’s bin through tsx: ${ms(ref.num('cli-tsx-version', 'medianMs'))} ms (${ref.num('cli-tsx-version', 'ratioToNode').toFixed(1)}×)`,
      target('cli-version'),
    ],
    [
      'the same, `saml-roles inspect FILE` (a small response)',
      `${ms(ref.num('cli-inspect', 'medianMs'))} ms median, ${ref.num('cli-inspect', 'ratioToNode').toFixed(2)}× node`,
      '',
      target('cli-inspect'),
    ],
    [
      'the same, `saml-roles credential-process --role ARN` against a fake bridge host',
      `${ms(ref.num('cli-credential-process', 'medianMs'))} ms median, ${ref.num('cli-credential-process', 'ratioToNode').toFixed(2)}× node`,
      '',
      target('cli-credential-process'),
    ],
    [
      `hostile ~1 MB inputs, ${hostile.length} shapes, through \`inspect --json\``,
      `worst: ${Number(worst.ratioToNormal).toFixed(1)}× (${worst.name.replace('adversarial-', '')}, ${ms(Number(worst.medianMs))} ms); CLI peak ≤ ${ms(peak)} MB`,
      `a normal ~1 MB response: ${ms(Number(normal.medianMs))} ms, CLI peak ${ms(Number(normal.peakRssMB))} MB`,
      target('adversarial-*'),
    ],
    [
      `assertion diff, ${diffs.map((row) => count(Number(row.roles))).join(' / ')} roles`,
      `${diffs.map((row) => ms(Number(row.medianMs))).join(' / ')} ms (${diffs.map((row) => Number(row.ratioToInspect).toFixed(2)).join(' / ')} of the baseline)`,
      `inspecting one of the two inputs: ${diffs.map((row) => ms(Number(row.baselineMedianMs))).join(' / ')} ms`,
      target('diff-*'),
    ],
  ];
}

/** Where each group's figures come from, then the table, formatted as prettier would. */
export async function renderBenchSection(
  results: Results = readResults(REFERENCE),
): Promise<string> {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  const lines = [
    'Figures from `bench/reference.json`, each group measured on:',
    '',
    ...Object.entries(results).map(
      ([group, { measured }]) => `- ${group}: ${describeMeasured(measured)}`,
    ),
    '',
    '| Benchmark | Result | Baseline, same run | Target |',
    '| --- | --- | --- | --- |',
    ...tableRows(new Reference(results)).map((cells) => `| ${cells.map(escape).join(' | ')} |`),
  ];
  return format(lines.join('\n'), { parser: 'markdown' });
}

export function replaceBenchSection(readme: string, section: string): string {
  const start = readme.indexOf(BENCH_START);
  const end = readme.indexOf(BENCH_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${BENCH_START} … ${BENCH_END}`);
  return `${readme.slice(0, start)}${BENCH_START}\n\n${section.trimEnd()}\n\n${readme.slice(end)}`;
}

async function main(argv: readonly string[]): Promise<number> {
  const section = await renderBenchSection();
  if (!argv.includes('--write') && !argv.includes('--check')) {
    process.stdout.write(section);
    return 0;
  }
  const current = readFileSync(README_PATH, 'utf8');
  const updated = replaceBenchSection(current, section);
  if (argv.includes('--check')) {
    if (updated === current) return 0;
    process.stderr.write(
      'README.md benchmark table is out of date: run npx tsx bench/readme-table.ts --write\n',
    );
    return 1;
  }
  if (updated !== current) writeFileSync(README_PATH, updated);
  process.stdout.write(
    `README.md benchmark table${updated === current ? ' (unchanged)' : ' written'}\n`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
