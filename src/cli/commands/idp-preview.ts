import { parseArgs } from 'node:util';
import {
  diffInspections,
  isSameMeaning,
  toTextDiff,
  visibleText,
  type AssertionDiff,
} from '../../core/inspect.ts';
import { loadConfig } from '../../idp/config.ts';
import type { Minter } from '../../idp/mint.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';
import { parseNow } from '../parse-now.ts';
import { readIdpConfig } from './idp-config.ts';
import { minterFor, mintInspection, throwAwayKeys } from './idp-minted.ts';

export const IDP_PREVIEW_USAGE = `  preview (--config NEW | --demo) --against OLD [--json] [--now ISO-8601]
      for each user and app, what the change from OLD to NEW does to the assertion (the
      'saml-roles diff' of the two, minted with one key at one instant); exit 0 nothing
      changes, 1 something does, 2 a configuration is wrong`;

/** What a configuration change does to one user's assertion for one application. */
export interface PreviewEntry {
  user: string;
  app: string;
  /** `added`: the user gets the app only with NEW; `removed`: only with OLD. */
  change: 'same' | 'changed' | 'added' | 'removed';
  diff?: AssertionDiff;
  /** Why one side could not be minted (the other side's config decides `change`). */
  reason?: string;
}

/** `saml-roles idp preview --config NEW --against OLD` */
export async function runIdpPreview(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      demo: { type: 'boolean' },
      against: { type: 'string' },
      json: { type: 'boolean' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`usage: saml-roles idp\n${IDP_PREVIEW_USAGE}\n`);
    return EXIT.ok;
  }
  if (values.against === undefined)
    throw new CliError('give --against OLD (the configuration before the change)', EXIT.usage);
  const now = values.now === undefined ? new Date() : parseNow(values.now);
  const next = readIdpConfig(values);
  const previous = loadConfig(values.against);
  // One key for both sides: the signatures may differ only where the signed content does.
  const keys = await throwAwayKeys();
  const entries = preview(minterFor(previous, keys), minterFor(next, keys), now);
  io.stdout(values.json ? `${JSON.stringify(entries, null, 2)}\n` : toText(entries));
  return entries.every((entry) => entry.change === 'same') ? EXIT.ok : EXIT.findings;
}

/** Every user and app either configuration lets sign in, NEW's order first. */
function preview(before: Minter, after: Minter, now: Date): PreviewEntry[] {
  const allowedBefore = allowedPairs(before);
  const allowedAfter = allowedPairs(after);
  const entries: PreviewEntry[] = [];
  for (const [key, { user, app }] of new Map([...allowedAfter, ...allowedBefore])) {
    if (!allowedBefore.has(key)) entries.push({ user, app, change: 'added' });
    else if (!allowedAfter.has(key)) entries.push({ user, app, change: 'removed' });
    else entries.push(compare(before, after, user, app, now));
  }
  return entries;
}

function compare(
  before: Minter,
  after: Minter,
  user: string,
  app: string,
  now: Date,
): PreviewEntry {
  const old = mintInspection(before, user, app, now);
  if ('reason' in old) return { user, app, change: 'changed', reason: `OLD: ${old.reason}` };
  const fresh = mintInspection(after, user, app, now);
  if ('reason' in fresh) return { user, app, change: 'changed', reason: `NEW: ${fresh.reason}` };
  const diff = diffInspections(old.inspection, fresh.inspection);
  return { user, app, change: isSameMeaning(diff) ? 'same' : 'changed', diff };
}

/** Each user and app the configuration lets sign in, keyed by both names. */
function allowedPairs(minter: Minter): Map<string, { user: string; app: string }> {
  const pairs = new Map<string, { user: string; app: string }>();
  for (const user of minter.config.users)
    for (const app of minter.applicationsFor(user))
      pairs.set(`${user.username}\n${app.slug}`, { user: user.username, app: app.slug });
  return pairs;
}

function toText(entries: readonly PreviewEntry[]): string {
  const out: string[] = [];
  for (const entry of entries) {
    const name = visibleText(`${entry.user} @ ${entry.app}`);
    if (entry.change === 'same') out.push(`= ${name}: same meaning`);
    else if (entry.change === 'added') out.push(`+ ${name}: can sign in with NEW only`);
    else if (entry.change === 'removed') out.push(`- ${name}: can sign in with OLD only`);
    else if (entry.reason) out.push(`~ ${name}: ${visibleText(entry.reason)}`);
    else {
      out.push(`~ ${name}: changed`);
      for (const line of toTextDiff(entry.diff!).trimEnd().split('\n')) out.push(`    ${line}`);
    }
  }
  const changed = entries.filter((entry) => entry.change !== 'same').length;
  out.push(`${changed} of ${entries.length} user and app pairs change`);
  return `${out.join('\n')}\n`;
}
