import type { FetchLike } from '../../core/credentials.ts';
import type { IdpConfig } from '../config/types.ts';
import { MappingError } from '../mapping/evaluate.ts';
import { ScimSyncError } from './errors.ts';
import { summaryLines } from './summary.ts';
import { scimApplications, syncApplication } from './sync-application.ts';

/** The last sync of one application, as the application's SCIM page shows it. */
export interface SyncOutcome {
  at: Date;
  ok: boolean;
  /** The summary, or the error (one line, perhaps with advice after it). */
  lines: string[];
}

export interface ScimSyncerOptions {
  fetch: FetchLike;
  env: Record<string, string | undefined>;
  /** One line per outcome for the operator's console (summaries and errors, never the token). */
  log(line: string): void;
  now?: () => Date;
}

/**
 * The running IdP's provisioning: syncs an application on demand (start-up, the "Sync now"
 * button), one sync per application at a time, and remembers how the last one went. A failure is
 * an outcome to show, never an exception: provisioning never stops the IdP.
 */
export class ScimSyncer {
  private readonly outcomes = new Map<string, SyncOutcome>();
  private readonly running = new Map<string, Promise<SyncOutcome>>();

  constructor(
    private readonly config: IdpConfig,
    private readonly options: ScimSyncerOptions,
  ) {}

  /** Whether the application provisions over SCIM. */
  has(slug: string): boolean {
    return scimApplications(this.config).some((app) => app.slug === slug);
  }

  last(slug: string): SyncOutcome | undefined {
    return this.outcomes.get(slug);
  }

  /** Syncs every application with a scim block, one after another. */
  async syncAll(): Promise<void> {
    for (const app of scimApplications(this.config)) await this.sync(app.slug);
  }

  /** Syncs one application; a sync already under way is joined, not started twice. */
  sync(slug: string): Promise<SyncOutcome> {
    const under = this.running.get(slug);
    if (under) return under;
    const run = this.run(slug).finally(() => this.running.delete(slug));
    this.running.set(slug, run);
    return run;
  }

  private async run(slug: string): Promise<SyncOutcome> {
    const app = scimApplications(this.config).find((a) => a.slug === slug);
    const at = (this.options.now ?? (() => new Date()))();
    let outcome: SyncOutcome;
    try {
      if (!app) throw new ScimSyncError(`application ${slug} has no scim block`);
      const summary = await syncApplication(this.config, app, {
        fetch: this.options.fetch,
        env: this.options.env,
      });
      outcome = { at, ok: true, lines: summaryLines(slug, summary, false) };
    } catch (error) {
      // Anything else is a bug worth its stack in the log, but still not a reason to stop serving.
      const known = error instanceof ScimSyncError || error instanceof MappingError;
      const message = error instanceof Error ? error.message : String(error);
      outcome = { at, ok: false, lines: `${slug}: not synced: ${message}`.split('\n') };
      if (!known)
        this.options.log(`${slug}: unexpected error: ${(error as Error).stack ?? message}`);
    }
    this.outcomes.set(slug, outcome);
    for (const line of outcome.lines) this.options.log(line);
    return outcome;
  }
}
