import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir, privateDirProblem } from '../../../src/cli/bridge/private-dir.ts';

let root: string;
beforeEach(() => void (root = mkdtempSync(join(tmpdir(), 'saml-roles-private-dir-'))));
afterEach(() => rmSync(root, { recursive: true, force: true }));

const uid = process.getuid!();
const stats = (over: Partial<{ dir: boolean; link: boolean; uid: number; mode: number }>) => ({
  isDirectory: () => over.dir ?? true,
  isSymbolicLink: () => over.link ?? false,
  uid: over.uid ?? uid,
  mode: over.mode ?? 0o40700,
});

describe("the socket's directory", () => {
  it('is made with mode 700 when missing', async () => {
    const dir = join(root, 'run', 'saml-roles');
    expect(await ensurePrivateDir(dir)).toBeUndefined();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('is refused when others can write to it', async () => {
    const dir = join(root, 'open');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    expect(await ensurePrivateDir(dir)).toMatch(
      /writable by other users \(mode 777\): run chmod 700/,
    );
    chmodSync(dir, 0o770);
    expect(await ensurePrivateDir(dir)).toMatch(/mode 770/);
    chmodSync(dir, 0o755);
    expect(await ensurePrivateDir(dir)).toBeUndefined();
  });

  it('is refused when it is a link or a file', async () => {
    const target = join(root, 'target');
    mkdirSync(target, { mode: 0o700 });
    symlinkSync(target, join(root, 'link'));
    expect(await ensurePrivateDir(join(root, 'link'))).toMatch(/symbolic link/);
    expect(privateDirProblem('/x', stats({ dir: false }), uid)).toMatch(/not a directory/);
  });

  it('is refused when it belongs to someone else', () => {
    expect(privateDirProblem('/x', stats({ uid: uid + 1 }), uid)).toBe(
      `/x belongs to user ${uid + 1}, not to you (${uid})`,
    );
    expect(privateDirProblem('/x', stats({}), uid)).toBeUndefined();
  });
});
