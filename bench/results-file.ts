// A benchmark run's results, one entry per group with the machine and date it was measured on:
// bench/out/results.json for a run (untracked), bench/reference.json for the figures the README
// quotes (tracked, updated only with `npm run bench -- --reference`).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './stats.ts';

export interface Measured {
  /** UTC date of the run, YYYY-MM-DD. */
  date: string;
  node: string;
  os: string;
  cpus: number;
  cpuModel: string;
  /** One-minute load average when the group started: figures from a busy machine run slower. */
  loadAverage?: number;
  /** The browser, for groups that drive one. */
  browser?: string;
  /** How the figures came about when not from a plain run (e.g. carried over, without a load). */
  note?: string;
}

export interface GroupResults {
  measured: Measured;
  rows: BenchRow[];
}

export type Results = Record<string, GroupResults>;

export const RUN_OUTPUT = fileURLToPath(new URL('./out/results.json', import.meta.url));
export const REFERENCE = fileURLToPath(new URL('./reference.json', import.meta.url));

/** This machine, now. */
export function measuredHere(now: Date): Measured {
  return {
    date: now.toISOString().slice(0, 10),
    node: process.version,
    os: platform(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
  };
}

export function readResults(file: string): Results {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Results) : {};
}

/** Writes `groups` into `file`, keeping the groups this run did not measure. */
export function mergeResults(file: string, groups: Results): Results {
  const merged = { ...readResults(file), ...groups };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  return merged;
}

/** "2 × AMD EPYC, linux, Node v20.20.2, 2026-11-27, load average 0.4" */
export function describeMeasured(measured: Measured): string {
  const load = measured.loadAverage === undefined ? '' : `, load average ${measured.loadAverage}`;
  const browser = measured.browser === undefined ? '' : `, ${measured.browser}`;
  return `${measured.cpus} × ${measured.cpuModel}, ${measured.os}, Node ${measured.node}${browser}, ${measured.date}${load}`;
}
