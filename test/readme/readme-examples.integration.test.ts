// Runs README.md's shell examples as a newcomer would, top to bottom, in one temporary directory:
// `run` blocks line by line (each must exit as its comment says, 0 by default), `server` blocks
// in the background until their URL answers. See the README's "The README's examples are tests".
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeExamples, type Command } from './readme-examples.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const BLOCK_TIMEOUT_MS = 60_000;
const SERVER_READY_MS = 30_000;

/**
 * `npx saml-roles` is the clone's bin, and `npm run NAME` the package script NAME when it is
 * `tsx FILE` (what `npm run` would do, without npm's start-up); anything else is refused, so an
 * example that needs a build or the network has to be marked skip.
 */
function prelude(): string {
  const scripts = (
    JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  const cases = Object.entries(scripts)
    .map(([name, command]) => [name, /^tsx (\S+)$/.exec(command)?.[1]] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
    .map(([name, file]) => `    ${name}) "$REPO/node_modules/.bin/tsx" "$REPO/${file}" "$@" ;;`);
  return `set -o pipefail
REPO=${JSON.stringify(REPO.replace(/\/$/, ''))}
npx() {
  if [ "$1" = saml-roles ]; then shift; node "$REPO/bin/saml-roles.js" "$@"; return; fi
  echo "readme-test: only npx saml-roles runs here, not npx $1: mark the block skip" >&2; return 127
}
npm() {
  if [ "$1" != run ]; then echo "readme-test: npm $1 is not run here: mark the block skip" >&2; return 127; fi
  local name="$2"; shift 2; if [ "\${1-}" = -- ]; then shift; fi
  case "$name" in
${cases.join('\n')}
    *) echo "readme-test: npm run $name is not a tsx script: mark the block skip" >&2; return 127 ;;
  esac
}
`;
}

/** Each line, then a check of its exit status naming the README line. */
function script(commands: Command[]): string {
  return (
    prelude() +
    commands
      .map(
        (command) => `${command.text}
__status=$?; if [ $__status -ne ${command.expectedExit} ]; then echo "README.md:${command.line}: exited $__status, expected ${command.expectedExit}: ${command.text.replaceAll('"', '\\"').replaceAll('$', '\\$').replaceAll('`', '\\`')}" >&2; exit 1; fi`,
      )
      .join('\n')
  );
}

let cwd: string;
let env: NodeJS.ProcessEnv;
const servers: ChildProcess[] = [];

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'saml-roles-readme-'));
  // The IdP's default key directory goes into the temporary directory, not the user's own.
  env = { ...process.env, XDG_DATA_HOME: join(cwd, '.xdg-data') };
  delete env.SAML_ROLES_IDP_DATA_DIR;
});

afterAll(async () => {
  for (const server of servers) {
    // The server runs in its own process group (detached): stop bash, tsx and node together.
    if (server.exitCode === null && server.pid) process.kill(-server.pid, 'SIGTERM');
    await new Promise((resolve) =>
      server.exitCode === null ? server.once('exit', resolve) : resolve(null),
    );
  }
  await rm(cwd, { recursive: true, force: true });
});

function runBlock(
  commands: Command[],
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script(commands)], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), BLOCK_TIMEOUT_MS);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const answers = (url: string): Promise<number | undefined> =>
  fetch(url).then(
    (response) => response.status,
    () => undefined,
  );

async function startServer(command: Command, url: string): Promise<void> {
  // Otherwise the examples would run against whatever already listens there.
  if ((await answers(url)) !== undefined)
    throw new Error(
      `README.md:${command.line}: something already answers at ${url}; stop it first`,
    );
  const child = spawn('bash', ['-c', `${prelude()}${command.text}`], {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + SERVER_READY_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(
        `README.md:${command.line}: the server exited (${child.exitCode}):\n${output}`,
      );
    if ((await answers(url)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `README.md:${command.line}: ${url} did not answer 200 within ${SERVER_READY_MS / 1000} s:\n${output}`,
  );
}

describe('README.md shell examples, top to bottom', () => {
  const examples = readmeExamples(README);

  it('are each marked run, server or skip with a reason', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples)
      if (example.marker.kind === 'skip') expect(example.marker.reason.length).toBeGreaterThan(3);
  });

  for (const example of examples) {
    const { marker } = example;
    const first = example.commands[0]?.text ?? '';
    if (marker.kind === 'run')
      it(`README.md:${example.line}: ${first}`, { timeout: BLOCK_TIMEOUT_MS + 5_000 }, async () => {
        const result = await runBlock(example.commands);
        expect(result.stderr.match(/^README\.md:\d+: .*$/m)?.[0] ?? '', result.stderr).toBe('');
        expect(result.code, result.stderr).toBe(0);
      });
    if (marker.kind === 'server')
      it(
        `README.md:${example.line}: ${first} (until ${marker.url} answers)`,
        { timeout: SERVER_READY_MS + 5_000 },
        async () => {
          await startServer(example.commands[0]!, marker.url);
        },
      );
  }
});
