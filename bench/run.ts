// `npm run bench [-- GROUP...] [-- --reference]`: the benchmark groups (all by default), then a
// PASS/FAIL line per target (bench/targets.ts); exits 1 when a target fails. Results go to
// bench/out/results.json (untracked); --reference also writes them to bench/reference.json, the
// figures the README quotes (regenerate its table with `npx tsx bench/readme-table.ts --write`).
import { cpus } from 'node:os';
import { systemClock } from '../src/core/index.ts';
import { runAdversarialBench } from './adversarial.ts';
import { runCoreBench } from './core.ts';
import {
  describeMeasured,
  measuredHere,
  mergeResults,
  REFERENCE,
  RUN_OUTPUT,
  type Results,
} from './results-file.ts';
import { runDiffBench } from './diff.ts';
import type { BenchRow } from './stats.ts';
import { checkTargets } from './targets.ts';

// idp, cli and extension are imported only when run: the extension group loads vite and puppeteer.
const GROUPS: Record<string, () => BenchRow[] | Promise<BenchRow[]>> = {
  core: runCoreBench,
  adversarial: runAdversarialBench,
  diff: runDiffBench,
  idp: async () => (await import('./idp.ts')).runIdpBench(),
  cli: async () => (await import('./cli.ts')).runCliBench(),
  extension: async () => (await import('./extension.ts')).runExtensionBench(),
};

const args = process.argv.slice(2);
const reference = args.includes('--reference');
const asked = args.filter((arg) => arg !== '--reference');
const unknown = asked.filter((name) => !(name in GROUPS));
if (unknown.length > 0) {
  console.error(
    `bench: no group ${unknown.join(', ')} (groups: ${Object.keys(GROUPS).join(', ')})`,
  );
  process.exit(2);
}

const results: Results = {};
for (const name of asked.length > 0 ? asked : Object.keys(GROUPS)) {
  const measured = measuredHere(new Date(systemClock()));
  console.log(`bench ${name}: ${describeMeasured(measured)}`);
  const rows = await GROUPS[name]!();
  console.table(rows);
  results[name] = { measured, rows };
}

mergeResults(RUN_OUTPUT, results);
console.log(`wrote bench/out/results.json (${Object.keys(results).join(', ')})`);
if (reference) {
  mergeResults(REFERENCE, results);
  console.log('wrote bench/reference.json: run npx tsx bench/readme-table.ts --write');
}

const verdicts = checkTargets(Object.values(results).flatMap((group) => group.rows));
for (const verdict of verdicts) console.log(`${verdict.pass ? 'PASS' : 'FAIL'} ${verdict.line}`);
const failed = verdicts.filter((verdict) => !verdict.pass).length;
console.log(`bench: ${verdicts.length - failed} of ${verdicts.length} targets pass`);
const busiest = Math.max(...Object.values(results).map((group) => group.measured.loadAverage ?? 0));
if (busiest > cpus().length)
  console.log(
    `bench: the load average reached ${busiest} on ${cpus().length} cores: absolute times are inflated; ratios to a baseline of the same run hold better`,
  );
process.exitCode = failed > 0 ? 1 : 0;
