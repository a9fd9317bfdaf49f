import { groupRolesByAccount } from '../aws/group.ts';
import type { Inspection } from '../inspect/inspection.ts';
import { sessionFacts } from './facts.ts';
import type { ReportOptions } from './json.ts';

/** Markdown for pasting into an issue or a chat; every value is escaped. */
export function toMarkdownReport(inspection: Inspection, options: ReportOptions = {}): string {
  const lines: string[] = ['# SAML response', ''];
  for (const [label, value] of sessionFacts(inspection))
    lines.push(`- **${label}:** ${code(value)}`);
  lines.push('', `## Roles (${inspection.aws.roles.length})`, '');
  for (const group of groupRolesByAccount(inspection.aws.roles)) {
    lines.push(`### Account ${group.accountId}`, '');
    for (const role of group.roles)
      lines.push(`- ${code(role.roleName)} via ${code(role.providerName)}`);
    lines.push('');
  }
  lines.push('## Attributes', '', '| Name | Values |', '| --- | --- |');
  for (const attribute of inspection.saml.attributes) {
    lines.push(`| ${cell(attribute.name)} | ${attribute.values.map(cell).join('<br>')} |`);
  }
  lines.push('', `## Findings (${inspection.findings.length})`, '');
  for (const finding of inspection.findings) {
    lines.push(
      `- **${finding.severity}** \`${finding.code}\`: ${escape(finding.message)}  `,
      `  Fix: ${escape(finding.fix)}`,
    );
  }
  if (options.includeRaw)
    lines.push('', '## SAMLResponse', '', '```', inspection.input.samlResponse, '```');
  return `${lines.join('\n')}\n`;
}

function escape(text: string): string {
  return text.replace(/([\\`*_{}[\]<>|#])/g, '\\$1');
}

function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  return `${ticks}${text.replace(/\s+/g, ' ')}${ticks}`;
}

function cell(text: string): string {
  return escape(text.trim()).replace(/\s+/g, ' ') || ' ';
}
