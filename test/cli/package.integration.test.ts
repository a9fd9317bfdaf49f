// The CLI as a package: packed, installed with `npm install -g` into a temporary prefix (offline),
// and run from there, with no tsx and no TypeScript source beside it.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSamlResponse, toBase64 } from '../support/saml-fixture.ts';
import { installPackedCli, REPO, type PackedCli } from '../support/packed-cli.ts';

const PACKAGE = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
};
const VERSION = PACKAGE.version;

let dir: string;
let cli: PackedCli;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'saml-roles-pack-'));
  cli = installPackedCli(dir);
  // The IdP's default key directory goes into the temporary directory, not the user's own.
  env = { ...process.env, XDG_DATA_HOME: join(dir, 'xdg-data') };
  delete env.SAML_ROLES_IDP_DATA_DIR;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], input = '') =>
  spawnSync(cli.bin, args, { cwd: dir, env, input, encoding: 'utf8', timeout: 20_000 });

describe('npm pack, then npm install -g of the tarball', () => {
  it('packs the bin, the build and the runtime dependencies: no source, no tests, no tsx', () => {
    expect(cli.files).toEqual(
      expect.arrayContaining(['bin/saml-roles.js', 'dist-cli/main.js', 'package.json']),
    );
    // Only these: never the clone's keys (.idp-data), captures, artifacts or sources.
    expect(
      cli.files.filter(
        (file) =>
          !/^(bin\/saml-roles\.js|dist-cli\/.+\.js|node_modules\/.+|package\.json|README\.md|LICENSE.*)$/.test(
            file,
          ),
      ),
    ).toEqual([]);
    const packedModules = new Set(
      cli.files.map((file) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1]),
    );
    expect(Object.keys(PACKAGE.devDependencies).filter((name) => packedModules.has(name))).toEqual(
      [],
    );
    expect(packedModules.has('xml-crypto')).toBe(true);
    expect(existsSync(join(cli.installed, 'src'))).toBe(false);
    expect(existsSync(join(cli.installed, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(cli.installed, 'node_modules', 'xml-crypto'))).toBe(true);
  });

  it('saml-roles --version prints the package version', () => {
    const result = run(['--version']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${VERSION}\n`);
    expect(result.status).toBe(0);
  });

  it('saml-roles inspect FILE decodes a response', () => {
    const file = join(dir, 'response.txt');
    writeFileSync(file, toBase64(buildSamlResponse()));
    const result = run(['inspect', file, '--json', '--now', '2026-01-01T00:30:00Z']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ sessionName: 'alice@example.com' });
  });

  it('saml-roles idp mint signs with the bundled xml-crypto, and inspect reads what it signed', () => {
    const minted = run(['idp', 'mint', '--demo', '--user', 'bob', '--app', 'aws']);
    // Its one warning: a new signing key was made in the (temporary) default data directory.
    expect(minted.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    expect(minted.status).toBe(0);
    const inspected = run(['inspect', '-', '--json'], minted.stdout);
    expect(inspected.status).toBe(0);
    expect(JSON.parse(inspected.stdout)).toMatchObject({ sessionName: 'bob' });
  });
});

/** The modules `file` imports statically, transitively: what loading it loads. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(
    /^import\s[^'"]*?["']([^"']+)["'];?$/gm,
  )) {
    if (seen.has(specifier!)) continue;
    seen.add(specifier!);
    if (specifier!.startsWith('.')) staticImports(join(file, '..', specifier!), seen);
  }
  return seen;
}

describe('the built CLI loads what a command needs, when it runs', () => {
  it('--version and inspect load neither the IdP commands nor xml-crypto, @xmldom or yaml', () => {
    const main = join(cli.installed, 'dist-cli', 'main.js');
    const inspectChunk = /import\("(\.\/chunks\/inspect-[^"]+)"\)/.exec(readFileSync(main, 'utf8'));
    expect(inspectChunk).not.toBeNull();
    const loaded = [...staticImports(main), ...staticImports(join(main, '..', inspectChunk![1]!))];
    expect(loaded.length).toBeGreaterThan(2);
    expect(loaded.filter((module) => /xml-crypto|xmldom|yaml|\/idp-/.test(module))).toEqual([]);
  });

  it('credential-process loads the socket client and the bridge reader, no SAML parsing', () => {
    const main = join(cli.installed, 'dist-cli', 'main.js');
    const chunk = /import\("(\.\/chunks\/credential-process-[^"]+)"\)/.exec(
      readFileSync(main, 'utf8'),
    );
    expect(chunk).not.toBeNull();
    const loaded = [...staticImports(join(main, '..', chunk![1]!))];
    expect(loaded).toContain('node:net');
    expect(
      loaded.filter((module) => /xml-crypto|xmldom|yaml|\/idp-|\/inspect-|\/parse-/.test(module)),
    ).toEqual([]);
  });
});

describe('bin/saml-roles.js with nothing it can run', () => {
  // A copy of the bin alone; `withSource` adds src/ but still no tsx (no dev dependencies).
  const runBare = (name: string, withSource: boolean) => {
    const bare = join(dir, name);
    mkdirSync(join(bare, 'bin'), { recursive: true });
    writeFileSync(join(bare, 'package.json'), '{ "type": "module" }\n');
    copyFileSync(join(REPO, 'bin', 'saml-roles.js'), join(bare, 'bin', 'saml-roles.js'));
    if (withSource) {
      mkdirSync(join(bare, 'src', 'cli'), { recursive: true });
      writeFileSync(join(bare, 'src', 'cli', 'main.ts'), 'export {};\n');
    }
    return spawnSync(process.execPath, [join(bare, 'bin', 'saml-roles.js'), '--version'], {
      encoding: 'utf8',
    });
  };

  it.each([
    ['neither the source nor a build', false],
    ['the source without tsx, and no build', true],
  ])('%s: says to run npm run build, in one line, with exit 1', (_, withSource) => {
    const result = runBare(withSource ? 'bare-source' : 'bare', withSource);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^saml-roles: .*run npm run build\n$/);
  });
});
