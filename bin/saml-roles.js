#!/usr/bin/env node
// Installed from the package: the built CLI in dist-cli/ (plain JavaScript, no tsx).
// In the clone (src/ is there, the package leaves it out): the TypeScript source through tsx,
// so an edit runs at once and a stale dist-cli/ is never used by mistake; without tsx (dev
// dependencies not installed), the build.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
const built = new URL('../dist-cli/main.js', import.meta.url);
const tsx = existsSync(source) ? await import('tsx/esm/api').catch(() => undefined) : undefined;
let main;
if (tsx) {
  tsx.register();
  ({ main } = await import(source.href));
} else if (existsSync(built)) {
  ({ main } = await import(built.href));
} else {
  process.stderr.write('saml-roles: dist-cli/main.js is missing: run npm run build\n');
  process.exit(1);
}
process.exitCode = await main(process.argv.slice(2));
