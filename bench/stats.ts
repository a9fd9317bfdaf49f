import { performance } from 'node:perf_hooks';

export type BenchRow = { name: string } & Record<string, number | string>;

/** Runs `fn` repeatedly (after a warm-up) for about `budgetMs` and returns the median in ms. */
export function medianMs(fn: () => unknown, budgetMs = 1500, minRuns = 15): number {
  for (let i = 0; i < 5; i++) fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < minRuns || performance.now() - start < budgetMs) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
    if (samples.length >= 5000) break;
  }
  return median(samples);
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
