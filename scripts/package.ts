// `npm run package`: one zip per store from the builds in dist/ (Chrome Web Store) and
// dist-firefox/ (addons.mozilla.org), written to artifacts/. Run after `npm run build`.
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
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
