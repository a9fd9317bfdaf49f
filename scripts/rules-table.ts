// Regenerates the rules table in README.md from RULES: `npx tsx scripts/rules-table.ts --write`.
// Without --write it prints the table; with --check it exits 1 when README.md is out of date.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { RULES } from '../src/core/lint/registry.ts';
import type { Rule } from '../src/core/lint/types.ts';

export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';
export const README_PATH = resolve(fileURLToPath(import.meta.url), '../../README.md');

export interface RulesTableRow {
  code: string;
  severity: string;
  summary: string;
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** The table as Markdown, formatted as prettier would so `prettier --check` stays clean. */
export async function renderRulesTable(rules: readonly Rule[] = RULES): Promise<string> {
  const lines = [
    '| Code | Severity | What it checks |',
    '| --- | --- | --- |',
    ...rules.map((rule) => `| \`${rule.code}\` | ${rule.severity} | ${escapeCell(rule.summary)} |`),
  ];
  return format(lines.join('\n'), { parser: 'markdown' });
}

/** README text with the section between the markers replaced; appends the section if missing. */
export function replaceRulesSection(readme: string, table: string): string {
  const start = readme.indexOf(RULES_START);
  const end = readme.indexOf(RULES_END);
  const section = `${RULES_START}\n\n${table.trimEnd()}\n\n${RULES_END}`;
  if (start >= 0 && end > start) {
    return readme.slice(0, start) + section + readme.slice(end + RULES_END.length);
  }
  const separator = readme === '' ? '' : readme.endsWith('\n') ? '\n' : '\n\n';
  return `${readme}${separator}## Lint rules\n\n${section}\n`;
}

/** Whether README text holds the table `--write` would make of these rules, byte for byte. */
export async function isRulesTableCurrent(
  readme: string,
  rules: readonly Rule[] = RULES,
): Promise<boolean> {
  return replaceRulesSection(readme, await renderRulesTable(rules)) === readme;
}

/** The rows between the markers, read back, so a test can compare them with RULES. */
export function readRulesSection(readme: string): RulesTableRow[] | undefined {
  const start = readme.indexOf(RULES_START);
  const end = readme.indexOf(RULES_END);
  if (start < 0 || end < start) return undefined;
  const rows = readme
    .slice(start + RULES_START.length, end)
    .split('\n')
    .filter((line) => line.trim().startsWith('|'))
    .slice(2); // header and separator
  return rows.map((line) => {
    const cells = line
      .trim()
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replaceAll('\\|', '|'));
    const [code = '', severity = '', summary = ''] = cells;
    return { code: code.replace(/^`|`$/g, ''), severity, summary };
  });
}

async function main(argv: readonly string[]): Promise<number> {
  const table = await renderRulesTable();
  if (!argv.includes('--write') && !argv.includes('--check')) {
    process.stdout.write(table);
    return 0;
  }
  const current = existsSync(README_PATH) ? readFileSync(README_PATH, 'utf8') : '';
  const updated = replaceRulesSection(current, table);
  if (argv.includes('--check')) {
    if (await isRulesTableCurrent(current)) return 0;
    process.stderr.write(
      'README.md rules table is out of date: run npx tsx scripts/rules-table.ts --write\n',
    );
    return 1;
  }
  if (updated !== current) writeFileSync(README_PATH, updated);
  process.stdout.write(
    `README.md rules table: ${RULES.length} rules${updated === current ? ' (unchanged)' : ''}\n`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
