import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePrivateFile } from '../../src/cli/write-private-file.ts';
import type { FetchLike } from '../../src/core/sts/types.ts';
import { runMain } from './fake-io.ts';
import { ASSERTION, DEV, stsAnswer } from './two-accounts.ts';

const granting: FetchLike = async (_url, init) => ({
  status: 200,
  text: async () => stsAnswer(new URLSearchParams(init.body).get('RoleArn')!.split('/').pop()!),
});
const refusing: FetchLike = async () => ({
  status: 403,
  text: async () =>
    '<ErrorResponse><Error><Code>AccessDenied</Code><Message>no</Message></Error></ErrorResponse>',
});

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'saml-roles-output-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const run = (args: string[], fetch: FetchLike = granting) =>
  runMain(['credentials', ...args], { stdin: ASSERTION, fetch });
const mode = async (path: string) => (await fs.stat(path)).mode & 0o777;

describe('saml-roles credentials --output FILE', () => {
  it('--all writes the profiles to a new file with mode 0600 and says where on stderr', async () => {
    const file = join(dir, 'saml-credentials');
    const { code, stdout, stderr } = await run(['--all', '--output', file]);
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
    expect(stderr).toBe(`saml-roles credentials: wrote 2 profiles to ${file} (mode 600)\n`);
    expect(await mode(file)).toBe(0o600);
    expect((await fs.readFile(file, 'utf8')).match(/^\[.*\]$/gm)).toEqual([
      '[111111111111-Dev]',
      '[222222222222-Ops]',
    ]);
  });

  it('replaces a world-readable file with one of mode 0600, and leaves nothing else behind', async () => {
    const file = join(dir, 'creds');
    await fs.writeFile(file, 'old', { mode: 0o644 });
    await fs.chmod(file, 0o644);
    const { code, stderr } = await run(['--role', DEV, '--output', file]);
    expect(code).toBe(0);
    expect(stderr).toBe(`saml-roles credentials: wrote the credentials to ${file} (mode 600)\n`);
    expect(await mode(file)).toBe(0o600);
    expect(await fs.readFile(file, 'utf8')).toMatch(/^# expires .*\nexport AWS_ACCESS_KEY_ID=/);
    expect(await fs.readdir(dir)).toEqual(['creds']);
  });

  it('refuses a symbolic link, leaving the link and its target as they were', async () => {
    const target = join(dir, 'elsewhere');
    const link = join(dir, 'creds');
    await fs.writeFile(target, 'keep');
    await fs.symlink(target, link);
    const { code, stdout, stderr } = await run(['--all', '--output', link]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      `saml-roles credentials: --output ${link}: is a symbolic link; credentials are not written through links (give the path of the file it points to)\n`,
    );
    expect(await fs.readFile(target, 'utf8')).toBe('keep');
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
  });

  it('refuses a directory, and a missing directory, before calling STS', async () => {
    let called = false;
    const fetch: FetchLike = (url, init) => ((called = true), granting(url, init));
    expect((await run(['--all', '--output', dir], fetch)).stderr).toBe(
      `saml-roles credentials: --output ${dir}: is not a regular file\n`,
    );
    const missing = await run(['--all', '--output', join(dir, 'no', 'such')], fetch);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--output .*\/no\/such: the directory .*\/no does not exist/);
    expect(called).toBe(false);
  });

  it('leaves the old file alone when no role succeeded', async () => {
    const file = join(dir, 'creds');
    await fs.writeFile(file, 'old');
    const { code, stderr } = await run(['--all', '--output', file], refusing);
    expect(code).toBe(1);
    expect(stderr).toContain(`nothing written to ${file}: no role succeeded`);
    expect(await fs.readFile(file, 'utf8')).toBe('old');
  });

  it('is in the usage', async () => {
    expect((await run(['--help'])).stdout).toContain('--output FILE');
  });
});

describe('writePrivateFile', () => {
  it('a failure at the rename leaves the old file and no temporary file', async () => {
    const file = join(dir, 'creds');
    await fs.writeFile(file, 'old');
    const failing = { ...fs, rename: () => Promise.reject(new Error('disk on fire')) };
    await expect(writePrivateFile(file, 'new', failing)).rejects.toThrow(
      `--output ${file}: not written (disk on fire); the file is unchanged`,
    );
    expect(await fs.readFile(file, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual(['creds']);
  });

  it('sets 0600 whatever the umask', async () => {
    const previous = process.umask(0o277);
    try {
      await writePrivateFile(join(dir, 'f'), 'x');
    } finally {
      process.umask(previous);
    }
    expect(await mode(join(dir, 'f'))).toBe(0o600);
  });
});
