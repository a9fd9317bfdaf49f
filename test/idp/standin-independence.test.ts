// The stand-in judges assertions from AWS's documentation with its own code, so the differential
// test can compare it with the core's lint. This keeps it so: every import the stand-in makes
// (followed through the rest of src/idp) reaches the core only for the names allowed below.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = resolve(ROOT, 'src/idp/standin/server.ts');

/**
 * What the stand-in may take from the core, and why (ARCHITECTURE.md says the same):
 * decoding and parsing, so the stand-in reads the same XML the extension reads; the SAML model's
 * types; the clock; the success status URI; trailing-slash trimming; and the XML readers for IdP
 * metadata. Nothing that decides what AWS accepts: no lint, rules, AWS view, endpoints or limits.
 */
const ALLOWED = new Set([
  'decodePostedForm',
  'isSamlInputError',
  'parseSamlXml',
  'SamlMessage',
  'SamlAttribute',
  'SAML_STATUS_SUCCESS',
  'Clock',
  'systemClock',
  'withoutTrailingSlashes',
  // core/policy.ts: STS's NameQualifier is a value IAM derives, not a decision; one SHA-1 recipe.
  'nameQualifier',
  // core/xml.ts: the strict scanner and readers, for metadata and foreign XML
  'attributeText',
  'children',
  'elementText',
  'scanXml',
  'XmlElement',
]);

const IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/g;

/** Core names imported by `entry` and every project file it reaches outside the core. */
function coreImports(entry: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[3]!;
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      if (target.startsWith(resolve(ROOT, 'src/core'))) {
        for (const name of match[2]!.split(',')) {
          const clean = name
            .replace(/\btype\b/, '')
            .split(/\s+as\s+/)[0]!
            .trim();
          if (!clean) continue;
          const users = found.get(clean) ?? new Set<string>();
          users.add(relative(ROOT, file));
          found.set(clean, users);
        }
      } else {
        queue.push(target);
      }
    }
  }
  return found;
}

describe('the stand-in judges independently of the core', () => {
  it('reaches the core only for decoding, parsing, types and the clock', () => {
    const imported = coreImports(ENTRY);
    const forbidden = [...imported]
      .filter(([name]) => !ALLOWED.has(name))
      .map(([name, files]) => `${name} (in ${[...files].join(', ')})`);
    expect(forbidden).toEqual([]);
    // The walk found the stand-in's own core imports, so an empty list above means something.
    expect(imported.has('parseSamlXml')).toBe(true);
  });

  it('would catch an import of the lint', () => {
    const imported = coreImports(resolve(ROOT, 'src/cli/commands/inspect.ts'));
    expect([...imported.keys()].some((name) => !ALLOWED.has(name))).toBe(true);
  });
});
