import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const FOLDERS = ['src', 'test', 'bench', 'scripts'];
// One convention for every file: kebab-case, whatever it exports (components included).
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+)+$/;

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

describe('file names', () => {
  it('are kebab-case everywhere', () => {
    const files = FOLDERS.flatMap((folder) => filesUnder(join(ROOT, folder)));
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((file) => !KEBAB_CASE.test(file.split('/').at(-1)!))).toEqual([]);
  });
});
