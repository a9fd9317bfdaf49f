import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/core/lint/registry.ts';
import type { Rule } from '../../../src/core/lint/types.ts';
import {
  isRulesTableCurrent,
  README_PATH,
  readRulesSection,
  renderRulesTable,
  replaceRulesSection,
} from '../../../scripts/rules-table.ts';

// Every module in src/core/rules, so a file that is not a registered rule is still seen.
const modules = import.meta.glob<Record<string, unknown>>('../../../src/core/rules/*.ts', {
  eager: true,
});

function isRule(value: unknown): value is Rule {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Rule>;
  return (
    typeof candidate.code === 'string' &&
    typeof candidate.summary === 'string' &&
    typeof candidate.check === 'function'
  );
}

const ruleFiles = Object.entries(modules).map(([path, exports]) => ({
  file: path.slice(path.lastIndexOf('/') + 1, -'.ts'.length),
  exports: Object.values(exports),
}));

describe('rule registry', () => {
  it('finds the rule files', () => {
    expect(ruleFiles.length).toBeGreaterThan(20);
  });

  it('has one export in every file of src/core/rules: a rule named after the file', () => {
    for (const { file, exports } of ruleFiles) {
      expect(exports, `${file}.ts exports`).toHaveLength(1);
      const [rule] = exports;
      expect(isRule(rule), `${file}.ts exports a Rule (helpers belong in src/core/lint)`).toBe(
        true,
      );
      expect((rule as Rule).code, `${file}.ts`).toBe(file);
    }
  });

  it('registers every rule file exactly once, and nothing else', () => {
    for (const { file, exports } of ruleFiles) {
      expect(
        RULES.filter((registered) => registered === exports[0]),
        file,
      ).toHaveLength(1);
    }
    expect(RULES).toHaveLength(ruleFiles.length);
  });

  it('uses unique kebab-case codes', () => {
    const codes = RULES.map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  it('gives every rule a known severity and a one-line summary', () => {
    for (const rule of RULES) {
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.summary.trim(), rule.code).not.toBe('');
      expect(rule.summary, rule.code).not.toContain('\n');
    }
  });

  it('has a test file for every rule', () => {
    for (const rule of RULES) {
      const testFile = fileURLToPath(new URL(`../rules/${rule.code}.test.ts`, import.meta.url));
      expect(existsSync(testFile), `${rule.code}.test.ts`).toBe(true);
    }
  });
});

describe('README rules table', () => {
  const expectedRows = RULES.map(({ code, severity, summary }) => ({ code, severity, summary }));

  it('lists every rule in RULES order (run npx tsx scripts/rules-table.ts --write)', async () => {
    const readme = existsSync(README_PATH) ? readFileSync(README_PATH, 'utf8') : '';
    expect(readRulesSection(readme)).toEqual(expectedRows);
    expect(await isRulesTableCurrent(readme)).toBe(true);
  });

  it('reads back exactly what the script writes', async () => {
    const readme = replaceRulesSection('', await renderRulesTable());
    expect(readRulesSection(readme)).toEqual(expectedRows);
  });

  it('notices a rule added, changed or removed without regenerating', async () => {
    const added: Rule = {
      code: 'new-rule',
      severity: 'info',
      summary: 'New | piped.',
      check: () => [],
    };
    const [first, ...rest] = RULES;
    const changed: Rule[] = [{ ...first!, summary: `${first!.summary} Reworded.` }, ...rest];
    const readme = replaceRulesSection('# Title\n', await renderRulesTable(RULES));
    expect(await isRulesTableCurrent(readme, RULES)).toBe(true);

    expect(await isRulesTableCurrent(readme, [...RULES, added])).toBe(false);
    expect(await isRulesTableCurrent(readme, changed)).toBe(false);
    expect(await isRulesTableCurrent(readme, rest)).toBe(false);

    const regenerated = replaceRulesSection(readme, await renderRulesTable([...RULES, added]));
    expect(await isRulesTableCurrent(regenerated, [...RULES, added])).toBe(true);
    expect(readRulesSection(regenerated)?.at(-1)).toEqual({
      code: 'new-rule',
      severity: 'info',
      summary: 'New | piped.',
    });
  });
});

describe('replaceRulesSection', () => {
  it('replaces only the text between the markers', () => {
    const readme =
      '# Title\n\nIntro.\n\n<!-- rules:start -->\nold\n<!-- rules:end -->\n\n## Scripts\n';
    const updated = replaceRulesSection(readme, '| a |\n');
    expect(updated).toBe(
      '# Title\n\nIntro.\n\n<!-- rules:start -->\n\n| a |\n\n<!-- rules:end -->\n\n## Scripts\n',
    );
  });

  it('appends a Lint rules section when the markers are missing', () => {
    expect(replaceRulesSection('# Title\n', '| a |\n')).toBe(
      '# Title\n\n## Lint rules\n\n<!-- rules:start -->\n\n| a |\n\n<!-- rules:end -->\n',
    );
  });

  it('returns the same text when it is already up to date', () => {
    const once = replaceRulesSection('# Title\n', '| a |\n');
    expect(replaceRulesSection(once, '| a |\n')).toBe(once);
  });
});
