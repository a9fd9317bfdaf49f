// `npm run package`: one zip per store from the builds in dist/ (Chrome Web Store) and
// dist-firefox/ (addons.mozilla.org), plus the source archive addons.mozilla.org asks for with a
// bundled add-on, written to artifacts/. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { OUT_DIRS, TARGETS } from './manifest.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** Every file under `dir`, keyed by its forward-slash path relative to `dir`. */
export function filesUnder(dir: string): Zippable {
  const files: Zippable = {};
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  walk(dir);
  return files;
}

/** A zip whose bytes depend only on the files: fixed timestamps, sorted entries. */
export function zipFiles(files: Zippable): Uint8Array {
  return zipSync(files, { level: 9, mtime: new Date('1980-01-01T00:00:00Z') });
}

/**
 * The tracked source (what `git ls-files` lists): what a store reviewer needs to rebuild the
 * add-on with `npm ci && npm run build`, as the README says, and nothing the checkout merely holds.
 */
export function sourceFiles(root: string): Zippable {
  let listing: string;
  try {
    listing = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  } catch {
    throw new Error('the source archive is made from a git checkout (git ls-files failed)');
  }
  const files: Zippable = {};
  for (const path of listing.split('\0').filter(Boolean).sort())
    files[path] = readFileSync(join(root, path));
  return files;
}

function main(): void {
  const outDir = resolve(ROOT, 'artifacts');
  mkdirSync(outDir, { recursive: true });
  for (const target of TARGETS) {
    const dist = resolve(ROOT, OUT_DIRS[target]);
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
      version: string;
    };
    const zip = zipFiles(filesUnder(dist));
    const file = join(outDir, `saml-roles-${manifest.version}-${target}.zip`);
    writeFileSync(file, zip);
    console.log(`${relative(ROOT, file)}  ${(zip.length / 1024).toFixed(1)} KB`);
  }
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const source = zipFiles(sourceFiles(ROOT));
  const file = join(outDir, `saml-roles-${version}-source.zip`);
  writeFileSync(file, source);
  console.log(
    `${relative(ROOT, file)}  ${(source.length / 1024).toFixed(1)} KB (for the addons.mozilla.org review)`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
