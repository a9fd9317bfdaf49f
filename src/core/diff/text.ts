import type { RolePair } from '../aws/types.ts';
import { quotedVisible, visibleText } from '../report/visible-text.ts';
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
  return value === null ? '(none)' : quotedVisible(value);
}

/** Names and messages unquoted, but with every control and bidi character made visible. */
function visible(value: string): string {
  return visibleText(JSON.stringify(value).slice(1, -1));
}
