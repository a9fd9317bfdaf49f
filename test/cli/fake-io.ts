import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import type { Clock, FetchLike } from '../../src/core/index.ts';

export interface FakeIoOptions {
  stdin?: string;
  files?: Record<string, string>;
  env?: Record<string, string>;
  /** The network; without it every request fails as if no network were there. */
  fetch?: FetchLike;
  /** The clock; by default 2026-01-01T00:30:00Z, inside the fixtures' hour of validity. */
  now?: Clock;
}

export const FIXTURE_NOW = Date.parse('2026-01-01T00:30:00Z');

/** A CliIo that records output and serves files and stdin from memory. */
export function fakeIo(options: FakeIoOptions = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const stops: (() => Promise<void>)[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    readFile: (path) => {
      const file = options.files?.[path];
      return file === undefined
        ? Promise.reject(Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' }))
        : Promise.resolve(file);
    },
    env: options.env ?? {},
    fetch: options.fetch ?? (() => Promise.reject(new Error('no network in this test'))),
    now: options.now ?? (() => FIXTURE_NOW),
    untilStopped: (stop) => void stops.push(stop),
  };
  return {
    io,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    /** Stops every server a command started. */
    stop: () => Promise.all(stops.splice(0).map((stop) => stop())),
  };
}

/** Runs `saml-roles ARGV` through main, as the bin does, with a fake io. */
export async function runMain(
  argv: string[],
  options: FakeIoOptions = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const fake = fakeIo(options);
  const code = await main(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}
