// A fake browser for the bridge's integration tests: it starts the real host through the launcher
// that `bridge install` wrote, speaks native messaging on the host's stdio, and answers requests
// with a script. HOME and XDG_* point into a temporary directory, never the user's.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeFrame, FrameReader } from '../../src/cli/bridge/framing.ts';
import { REPO } from '../support/packed-cli.ts';

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const BIN = join(REPO, 'bin', 'saml-roles.js');

export interface Sandbox {
  dir: string;
  env: NodeJS.ProcessEnv;
  profileDir: string;
  socketPath: string;
  cleanup(): void;
}

export function makeSandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'saml-roles-bridge-'));
  const env = {
    PATH: process.env.PATH,
    HOME: join(dir, 'home'),
    XDG_RUNTIME_DIR: join(dir, 'run'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
  };
  return {
    dir,
    env,
    profileDir: join(dir, 'profile'),
    socketPath: join(dir, 'run', 'saml-roles', 'bridge.sock'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a process (the clone's bin) in the sandbox. */
export function runCli(sandbox: Sandbox, args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: sandbox.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function runCliSync(sandbox: Sandbox, args: string[]): CliRun {
  const child = spawnSync(process.execPath, [BIN, ...args], { env: sandbox.env, encoding: 'utf8' });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** What the fake extension does with a request: an answer (without v and id), or silence. */
export type Script = (request: Record<string, unknown>) => Record<string, unknown> | undefined;

export interface FakeBrowser {
  host: ChildProcess;
  requests: Record<string, unknown>[];
  stderr(): string;
  /** Resolves once the host's stderr has a line matching. */
  waitForLog(pattern: RegExp): Promise<void>;
  /** Writes raw bytes to the host's stdin, as a misbehaving browser would. */
  writeRaw(bytes: Buffer): void;
  /** Closes the port (stdin), as the browser does; resolves with the host's exit code. */
  close(): Promise<number | null>;
}

/** Starts the host the way Chrome does: the manifest's `path`, with the caller's origin. */
export function startFakeBrowser(
  manifestPath: string,
  env: NodeJS.ProcessEnv,
  script: Script,
  args = [ORIGIN],
): FakeBrowser {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { path: string };
  const host = spawn(manifest.path, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const reader = new FrameReader(1024 * 1024);
  const requests: Record<string, unknown>[] = [];
  let log = '';
  const watchers: { pattern: RegExp; resolve: () => void }[] = [];
  host.stderr!.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    for (const watcher of watchers.splice(0))
      if (watcher.pattern.test(log)) watcher.resolve();
      else watchers.push(watcher);
  });
  host.stdout!.on('data', (chunk: Buffer) => {
    for (const event of reader.push(chunk)) {
      if (event.kind !== 'message') throw new Error(`the host sent ${event.kind}`);
      const request = event.value as Record<string, unknown>;
      requests.push(request);
      const answer = script(request);
      if (answer) host.stdin!.write(encodeFrame({ v: 1, id: request.id, ...answer }, 1024 * 1024));
    }
  });
  const exited = new Promise<number | null>((resolve) => host.on('close', resolve));
  return {
    host,
    requests,
    stderr: () => log,
    waitForLog: (pattern) =>
      pattern.test(log)
        ? Promise.resolve()
        : new Promise((resolve) => watchers.push({ pattern, resolve })),
    writeRaw: (bytes) => void host.stdin!.write(bytes),
    close: () => {
      host.stdin!.end();
      return exited;
    },
  };
}
