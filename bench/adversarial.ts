// `npm run bench -- adversarial`: every hostile shape of about 1 MB through what
// `saml-roles inspect --json` runs, timed beside a normal 1 MB response in the same run, and the
// CLI's peak memory on each. The targets (issue 9) are in targets.ts: ADVERSARIAL.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  contextKeysByProvider,
  contextKeysToJson,
  inspect,
  isSamlInputError,
  toJsonReport,
} from '../src/core/index.ts';
import {
  HOSTILE_SHAPES,
  normalResponse,
  type HostileInput,
} from '../test/support/hostile-inputs.ts';
import { medianMs, round, type BenchRow } from './stats.ts';

const NOW = '2026-01-01T00:30:00Z';
/** A shape slower than this once is timed once: repeating a super-linear case takes minutes. */
const SLOW_MS = 2000;
const CLI_TIMEOUT_MS = 60_000;
const CLI = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

/** What `saml-roles inspect --json` does with the text it read. */
function inspectJson(text: string): string {
  try {
    const inspection = inspect(text, { now: new Date(NOW) });
    const contextKeys: Record<string, unknown> = {};
    for (const [provider, keys] of Object.entries(contextKeysByProvider(inspection).keys))
      contextKeys[provider] = contextKeysToJson(keys);
    return JSON.stringify({ ...toJsonReport(inspection), contextKeys }, null, 2);
  } catch (error) {
    if (isSamlInputError(error)) return error.message;
    throw error;
  }
}

/**
 * The CLI's peak resident memory on `input`, in MB: the real CLI (through tsx, as bin/ runs it)
 * in a child process that reports its own maximum RSS when done.
 */
function cliPeakRssMb(input: string, dir: string): number | undefined {
  const file = join(dir, 'input.txt');
  writeFileSync(file, input);
  const script = `import { register } from 'tsx/esm/api';
register();
const { main } = await import(${JSON.stringify(CLI)});
await main(['inspect', ${JSON.stringify(file)}, '--json', '--now', '${NOW}']);
process.stderr.write('maxRSS=' + process.resourceUsage().maxRSS + '\\n');`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: CLI_TIMEOUT_MS,
  });
  const kilobytes = /maxRSS=(\d+)/.exec(child.stderr ?? '')?.[1];
  return kilobytes ? round(Number(kilobytes) / 1024, 1) : undefined;
}

export function runAdversarialBench(): BenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'saml-roles-bench-'));
  try {
    const normal = normalResponse();
    const normalMs = medianMs(() => inspectJson(normal.input), 2000);
    const normalRss = cliPeakRssMb(normal.input, dir) ?? Number.NaN;
    const rows: BenchRow[] = [
      {
        name: `adversarial-baseline-${normal.name}`,
        inputChars: normal.input.length,
        medianMs: round(normalMs),
        peakRssMB: normalRss,
      },
    ];
    console.log(`adversarial: baseline ${normal.name}, ${round(normalMs, 1)} ms`);
    const measure = (shape: HostileInput) => {
      const once = performance.now();
      inspectJson(shape.input);
      const onceMs = performance.now() - once;
      const ms = onceMs > SLOW_MS ? onceMs : medianMs(() => inspectJson(shape.input), 1000, 5);
      const rss = cliPeakRssMb(shape.input, dir);
      const ratio = ms / normalMs;
      rows.push({
        name: `adversarial-${shape.name}`,
        inputChars: shape.input.length,
        medianMs: round(ms),
        baselineMedianMs: round(normalMs),
        ratioToNormal: round(ratio, 2),
        peakRssMB: rss ?? `did not finish in ${CLI_TIMEOUT_MS / 1000} s`,
      });
      // Progress: the whole group takes minutes; the verdicts come at the end of the run.
      console.log(
        `adversarial: ${shape.name}: ${round(ratio, 2)}x, ${round(ms, 1)} ms, CLI peak ${rss ?? '?'} MB`,
      );
    };
    for (const build of HOSTILE_SHAPES) measure(build());
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
