// `npm start` with its port taken says so at once, naming host:port, before building (issue 16).
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portProblem } from '../../src/idp/http/port-check.ts';

const root = resolve(import.meta.dirname, '../..');
let taken: Server;
let port: number;
let dataHome: string;
beforeAll(async () => {
  dataHome = await mkdtemp(join(tmpdir(), 'saml-roles-start-'));
  taken = createServer();
  await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
  port = (taken.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((done) => taken.close(done));
  await rm(dataHome, { recursive: true, force: true });
});

const inUse = () =>
  `saml-roles idp: 127.0.0.1:${port} is in use (another IdP or stand-in, or an earlier npm start, still running?): stop it, or pick another port with --port N (npm start -- --port N)\n`;

async function failure(command: string, args: string[]) {
  const started = performance.now();
  // Keys and certificates go to a temporary XDG_DATA_HOME, never the user's own.
  const env = { ...process.env, XDG_DATA_HOME: dataHome };
  const result = (await promisify(execFile)(command, args, {
    cwd: root,
    timeout: 60_000,
    env,
  }).then(
    () => ({ code: 0, stdout: '', stderr: '' }),
    (error: unknown) => error,
  )) as { code: number; stdout: string; stderr: string };
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

describe('a port in use', () => {
  it('npm start -- --port N: said before the build, naming host:port', async () => {
    const result = await failure('npm', ['start', '--silent', '--', '--port', String(port)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(inUse());
    expect(result.stdout).not.toMatch(/vite|build/);
    // The build alone takes half a minute; the check takes well under the time tsx needs to start.
    expect(result.seconds).toBeLessThan(20);
  });

  it("npm start: the stand-in's port is checked before the build too, naming its option", async () => {
    const result = await failure('npm', [
      'start',
      '--silent',
      '--',
      '--port',
      '0',
      '--standin-port',
      String(port),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(inUse().replaceAll('--port N', '--standin-port N'));
    expect(result.stdout).not.toMatch(/vite|build/);
  });

  it('npm run idp (no build): the same line, from the server itself', async () => {
    const result = await failure(process.execPath, [
      '--import',
      'tsx',
      'src/idp/main.ts',
      '--demo',
      '--port',
      String(port),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(inUse());
  });

  it('portProblem: undefined for a free port, the line for a taken one', async () => {
    expect(await portProblem('127.0.0.1', port)).toBe(
      inUse().replace(/^saml-roles idp: |\n$/g, ''),
    );
    const free = createServer();
    await new Promise<void>((done) => free.listen(0, '127.0.0.1', done));
    const freePort = (free.address() as { port: number }).port;
    await new Promise((done) => free.close(done));
    expect(await portProblem('127.0.0.1', freePort)).toBeUndefined();
  });
});
