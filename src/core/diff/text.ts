import type { RolePair } from '../aws/types.ts';
import { isSameMeaning } from './diff.ts';
import type { AssertionDiff } from './types.ts';

/** The human form of a diff, as `saml-roles diff` and `idp preview` print it. */
export function toTextDiff(diff: AssertionDiff): string {
  if (isSameMeaning(diff))
    return 'Same meaning: roles, attributes, session facts and findings agree (IDs, instants and signature values are not compared).\n';
  const lines: string[] = [];
  const { added, removed } = diff.roles;
  if (added.length || removed.length) {
    lines.push(`Roles: ${added.length} added, ${removed.length} removed`);
    for (const [accountId, changes] of byAccount(added, removed)) {
      lines.push(`  ${accountId}`);
      for (const [mark, role] of changes)
        lines.push(
          `    ${mark} ${visible(role.roleName)}  (provider ${visible(role.providerName)})`,
        );
    }
  }
  if (diff.attributes.length) {
    lines.push(`Attributes: ${diff.attributes.length} changed`);
    for (const change of diff.attributes) {
      lines.push(`  ${visible(change.name)}`);
      for (const value of change.added) lines.push(`    + ${shown(value)}`);
      for (const value of change.removed) lines.push(`    - ${shown(value)}`);
    }
  }
  if (diff.facts.length) {
    lines.push(`Session facts: ${diff.facts.length} changed`);
    for (const fact of diff.facts)
      lines.push(`  ${fact.field}: ${shown(fact.before)} → ${shown(fact.after)}`);
  }
  const findings = diff.findings;
  if (findings.added.length || findings.removed.length) {
    lines.push(`Findings: ${findings.added.length} new, ${findings.removed.length} gone`);
    for (const f of findings.added)
      lines.push(`  + ${f.severity} ${f.code}: ${visible(f.message)}`);
    for (const f of findings.removed)
      lines.push(`  - ${f.severity} ${f.code}: ${visible(f.message)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Added and removed roles together, per account, accounts in the order first seen. */
function byAccount(
  added: readonly RolePair[],
  removed: readonly RolePair[],
): Map<string, ['+' | '-', RolePair][]> {
  const groups = new Map<string, ['+' | '-', RolePair][]>();
  const put = (mark: '+' | '-', role: RolePair) => {
    const group = groups.get(role.accountId);
    if (group) group.push([mark, role]);
    else groups.set(role.accountId, [[mark, role]]);
  };
  for (const role of added) put('+', role);
  for (const role of removed) put('-', role);
  return groups;
}

function shown(value: string | null): string {
  return value === null ? '(none)' : JSON.stringify(value).replace(UNSAFE, escapeChar);
}

/** Values as JSON strings would show them inside the quotes, so no value can fake a line or a terminal escape. */
function visible(value: string): string {
  return JSON.stringify(value).slice(1, -1).replace(UNSAFE, escapeChar);
}

// JSON.stringify escapes C0 controls only: C1 controls (CSI), line separators and bidi overrides too.
const UNSAFE = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
