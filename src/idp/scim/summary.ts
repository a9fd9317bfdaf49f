import { visibleText } from '../../core/inspect.ts';
import type { SyncSummary } from './sync.ts';

/** The summary the command and the IdP's page show: what was done, per kind. */
export function summaryLines(slug: string, summary: SyncSummary, dryRun: boolean): string[] {
  const { users, groups, members } = summary;
  const verb = dryRun ? 'would be' : '';
  const lines = [
    `${slug}: users ${verb ? 'to create' : 'created'} ${users.created}, ${verb ? 'to update' : 'updated'} ${users.updated}, ${verb ? 'to deactivate' : 'deactivated'} ${users.deactivated}, unchanged ${users.unchanged}`,
    `${slug}: groups ${verb ? 'to create' : 'created'} ${groups.created}, ${verb ? 'to update' : 'updated'} ${groups.updated}, unchanged ${groups.unchanged}; members ${verb ? 'to add' : 'added'} ${members.added}, ${verb ? 'to remove' : 'removed'} ${members.removed}`,
  ];
  for (const line of summary.leftAlone) lines.push(`${slug}: ${visibleText(line)}`);
  lines.push(
    dryRun
      ? `${slug}: dry run: ${summary.reads} reads sent, no write sent`
      : `${slug}: ${summary.reads} reads, ${summary.writes} writes`,
  );
  return lines;
}
