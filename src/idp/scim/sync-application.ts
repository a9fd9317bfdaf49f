import type { FetchLike } from '../../core/credentials.ts';
import type { IdpApplication, IdpConfig } from '../config/types.ts';
import { desiredState } from './desired-state.ts';
import { scimBaseUrl, scimUrlProblem } from './endpoint-url.ts';
import { ScimSyncError } from './errors.ts';
import { syncScim, type SyncSummary } from './sync.ts';
import { readScimToken } from './token.ts';
import { ScimTransport } from './transport.ts';

export interface SyncApplicationOptions {
  fetch: FetchLike;
  env: Record<string, string | undefined>;
  dryRun?: boolean;
  /** Where dry-run requests go (one request per call). */
  print?: (text: string) => void;
  /** `--scim-url`: wins over the config's url. */
  url?: string;
  /** `--scim-token-file`: wins over the config's tokenEnv or tokenFile. */
  tokenFile?: string;
}

/** The applications of the config that have a scim block. */
export function scimApplications(config: IdpConfig): IdpApplication[] {
  return config.applications.filter((app) => app.scim !== undefined);
}

/** Syncs one application's users and groups to its SCIM server. */
export async function syncApplication(
  config: IdpConfig,
  app: IdpApplication,
  options: SyncApplicationOptions,
): Promise<SyncSummary> {
  const scim = app.scim;
  if (!scim)
    throw new ScimSyncError(`application ${app.slug} has no scim block in ${config.source}`);
  const url = options.url ?? scim.url;
  const problem = scimUrlProblem(url);
  if (problem) throw new ScimSyncError(`--scim-url: ${problem}`);
  const token = readScimToken(
    options.tokenFile !== undefined ? { file: options.tokenFile } : scim.token,
    options.env,
  );
  const transport = new ScimTransport({
    baseUrl: scimBaseUrl(url),
    token,
    fetch: options.fetch,
    dryRun: options.dryRun ?? false,
    print: options.print ?? (() => undefined),
  });
  return syncScim(desiredState(config, app), transport);
}
