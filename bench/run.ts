// `npm run bench`: every benchmark in one run, written to bench/results.json.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runAdversarialBench } from './adversarial.ts';
import { runCoreBench } from './core.ts';
import { runDiffBench } from './diff.ts';
import type { BenchRow } from './stats.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

async function optional(file: string, exported: string): Promise<BenchRow[]> {
  if (!existsSync(here(file))) return [];
  const module = (await import(here(file))) as Record<string, () => Promise<BenchRow[]>>;
  const run = module[exported];
  return run ? run() : [];
}

const only = process.argv[2];
const rows: BenchRow[] = [];
if (!only || only === 'core') rows.push(...runCoreBench());
if (!only || only === 'adversarial') rows.push(...runAdversarialBench());
if (!only || only === 'diff') rows.push(...runDiffBench());
if (!only || only === 'idp') rows.push(...(await optional('./idp.ts', 'runIdpBench')));
if (!only || only === 'extension')
  rows.push(...(await optional('./extension.ts', 'runExtensionBench')));
console.table(rows);
// A run of one group (`npm run bench -- core`) updates that group's rows and keeps the others.
const file = here('./results.json');
const previous: BenchRow[] =
  only && existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as BenchRow[]) : [];
const fresh = new Set(rows.map((row) => row.name));
const merged = [...previous.filter((row) => !fresh.has(row.name)), ...rows];
await writeFile(file, `${JSON.stringify(merged, null, 2)}\n`);
console.log(`wrote ${rows.length} rows to bench/results.json (${merged.length} in all)`);
