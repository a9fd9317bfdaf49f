// The CLI as a user gets it: dist-cli/ built, `npm pack`, then `npm install -g` of that tarball
// into a temporary prefix. (A user's `npm pack` builds through "prepack"; here the build runs
// first and the pack skips scripts, so the build's output cannot mix into `npm pack --json`.)
// Offline: the runtime dependencies travel inside the tarball (bundleDependencies), so the
// install fetches nothing, not even registry metadata, and needs no npm cache.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface PackedCli {
  tarball: string;
  /** The files in the tarball, without the leading `package/`. */
  files: string[];
  /** `PREFIX/bin/saml-roles`, the command npm put on the PATH. */
  bin: string;
  /** Where npm installed the package. */
  installed: string;
}

// npm's own progress and notices would fill the test output; failures still throw with stderr.
const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

export function installPackedCli(dir: string): PackedCli {
  npm(['run', '--silent', 'build:cli'], REPO);
  const [packed] = JSON.parse(
    npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], REPO),
  ) as {
    filename: string;
    files: { path: string }[];
  }[];
  const tarball = join(dir, packed!.filename);
  const prefix = join(dir, 'prefix');
  // An empty cache of its own: the install must need nothing beyond the tarball.
  const cache = join(dir, 'npm-cache');
  npm(['install', '--global', '--offline', '--cache', cache, '--prefix', prefix, tarball], dir);
  return {
    tarball,
    files: packed!.files.map((file) => file.path),
    bin: join(prefix, 'bin', 'saml-roles'),
    installed: join(prefix, 'lib', 'node_modules', '@saml-roles', 'cli'),
  };
}
