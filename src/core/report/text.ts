import { groupRolesByAccount } from '../aws/group.ts';
import type { Inspection } from '../inspect/inspection.ts';
import { sessionFacts } from './facts.ts';

const MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

/** The human report `saml-roles inspect` prints: roles by account, session facts, findings. */
export function toTextReport(inspection: Inspection): string {
  const { aws, findings } = inspection;
  const lines: string[] = [];
  const facts = sessionFacts(inspection);
  const width = Math.max(...facts.map(([label]) => label.length));
  for (const [label, value] of facts) lines.push(`${label.padEnd(width)}  ${oneLine(value)}`);
  lines.push('');
  if (aws.identityCenter)
    lines.push(
      'IAM Identity Center response: roles are chosen in the AWS access portal, not in this assertion.',
      '',
    );
  const groups = groupRolesByAccount(aws.roles);
  lines.push(
    `Roles: ${aws.roles.length} in ${groups.length} account${groups.length === 1 ? '' : 's'}`,
  );
  for (const group of groups) {
    lines.push(`  ${group.accountId}`);
    for (const role of group.roles)
      lines.push(`    ${oneLine(role.roleName)}  (provider ${oneLine(role.providerName)})`);
  }
  for (const problem of aws.roleProblems)
    lines.push(`  unreadable Role value #${problem.index + 1}: ${oneLine(problem.reason)}`);
  lines.push('');
  const counts = (['error', 'warning', 'info'] as const).map(
    (s) => `${findings.filter((f) => f.severity === s).length} ${s}`,
  );
  lines.push(`Findings: ${counts.join(', ')}`);
  for (const finding of findings) {
    lines.push(
      `  ${MARK[finding.severity]} ${finding.severity} ${finding.code}: ${oneLine(finding.message)}`,
    );
    lines.push(`      fix: ${oneLine(finding.fix)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Keeps hostile values from spoofing lines or terminal escapes. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}
