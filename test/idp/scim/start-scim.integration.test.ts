// `npm start`'s IdP (src/idp/main.ts --demo --scim-photos-removed --with-standin, as scripts/start.ts runs it without the
// build): the stand-in serves SCIM with a token made for this run, the IdP's sync on start
// provisions the demo into it and logs its summary, and the token is never printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
let dataHome: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  dataHome = await mkdtemp(join(tmpdir(), 'saml-roles-start-scim-'));
});
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((done) => child!.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
  await rm(dataHome, { recursive: true, force: true });
});

/** Runs the IdP until `until` matches its output (or it exits, or 30 s pass). */
function runUntil(args: string[], until: RegExp): Promise<{ stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: dataHome };
  delete env.SAML_ROLES_STANDIN_SCIM_TOKEN;
  delete env.SAML_ROLES_IDP_DATA_DIR;
  delete env.SAML_ROLES_STANDIN_DATA_DIR;
  child = spawn(process.execPath, ['--import', 'tsx', 'src/idp/main.ts', ...args], {
    cwd: root,
    env,
  });
  let stdout = '';
  let stderr = '';
  return new Promise((done) => {
    const timer = setTimeout(() => done({ stdout, stderr }), 30_000);
    const check = () => {
      if (!until.test(stdout)) return;
      clearTimeout(timer);
      done({ stdout, stderr });
    };
    child!.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      check();
    });
    child!.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
    child!.once('exit', () => {
      clearTimeout(timer);
      done({ stdout, stderr });
    });
  });
}

describe('npm start provisions the demo into the stand-in it starts', () => {
  it("turns SCIM on with this run's token, syncs once the stand-in listens, and logs the summary", async () => {
    const { stdout, stderr } = await runUntil(
      ['--demo', '--scim-photos-removed', '--with-standin', '--port', '0', '--standin-port', '0'],
      /scim: aws-identity-center: (\d+ reads, \d+ writes|not synced)/,
    );
    expect(stderr).toBe('');
    expect(stdout).toMatch(/SCIM: https:\/\/127\.0\.0\.1:\d+\/scim\/v2/);
    expect(stdout).toContain(
      'saml-roles idp: scim: aws-identity-center: users created 2, updated 0, deactivated 0, unchanged 0',
    );
    expect(stdout).toContain('groups created 2');
    // The token is handed over in-process: nothing that looks like one is printed.
    expect(stdout).not.toMatch(/bearer token[^\n]*:\s*\S{20,}/i);
  }, 60_000);
});
