// The store packages: deterministic zips, and the source archive addons.mozilla.org asks for.
import { resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sourceFiles, zipFiles } from '../../scripts/package.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('npm run package', () => {
  it('puts the tracked source in the source archive, and nothing the checkout merely holds', () => {
    const names = Object.keys(sourceFiles(ROOT));
    expect(names).toEqual(
      expect.arrayContaining([
        'package.json',
        'package-lock.json',
        'src/core/index.ts',
        'scripts/manifest.ts',
      ]),
    );
    expect(
      names.filter((name) => /^(node_modules|dist|dist-firefox|artifacts)\//.test(name)),
    ).toEqual([]);
  });

  it('zips the same files to the same bytes, and they unzip to what went in', () => {
    const files = {
      'a.txt': new TextEncoder().encode('a'),
      'dir/b.txt': new TextEncoder().encode('b'),
    };
    const zip = zipFiles(files);
    expect(zipFiles(files)).toEqual(zip);
    expect(unzipSync(zip)).toEqual(files);
  });
});
