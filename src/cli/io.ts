import type { Clock, FetchLike } from '../core/index.ts';

/** What a CLI command may touch, handed in so tests can run commands without a process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads all of stdin as UTF-8 text. */
  readStdin(): Promise<string>;
  /** Reads a file as UTF-8 text. */
  readFile(path: string): Promise<string>;
  env: Record<string, string | undefined>;
  /** The network (STS): Node's fetch in the process, a fake or a stand-in's in tests. */
  fetch: FetchLike;
  /** The time, for an assertion's expiry. */
  now: Clock;
  /**
   * A server command hands over how to stop it: the process stops it on Ctrl+C (SIGINT) or
   * SIGTERM; tests call it. Without it a server command refuses to start.
   */
  untilStopped?(stop: () => Promise<void>): void;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, findings: 1, usage: 2, failure: 2 } as const;

/** An error whose message is meant for the user as one line on stderr. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
  }
}
