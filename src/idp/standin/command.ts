// The stand-in as `saml-roles standin`, `npm start`, the playground and the e2e suite start it:
// one entry, so what the tests run is what a person runs.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { systemClock, type Clock } from '../../core/inspect.ts';
import { XmlInputError } from '../saml/xml-text.ts';
import { unreadableFileMessage } from '../unreadable-file.ts';
import { loadRolesFile } from './roles/load-roles.ts';
import { judgeTrustWithIam } from './roles/iam-trust.ts';
import type { JudgeTrust, StandInRoleSpec } from './roles/judge-trust.ts';
import { generateScimToken } from './scim/bearer-token.ts';
import { ScimStore, type ScimStoreLimits } from './scim/scim-store.ts';
import { startAwsStandIn } from './server.ts';
import { loadOrCreateStandInCertificate } from './tls.ts';
import { parseTrustedIdpMetadata, type TrustedIdp } from './trust.ts';

export const DEFAULT_STAND_IN_PORT = 8443;

/** Where the stand-in keeps its TLS certificate unless told otherwise. */
export function defaultStandInDataDir(
  env: Record<string, string | undefined> = process.env,
): string {
  return (
    env.SAML_ROLES_STANDIN_DATA_DIR ??
    join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'saml-roles', 'standin')
  );
}

/** IdP metadata to trust: read from `path`, or given as XML (named by `source` in errors). */
export type TrustSource = { path: string } | { source: string; xml: string };

export interface StandInCommandOptions {
  /** 0 for a free port; DEFAULT_STAND_IN_PORT when not given. */
  port?: number;
  trust: readonly TrustSource[];
  /** A ROLES.yaml to read, and/or roles given directly (both may be used). */
  rolesFile?: string;
  roles?: readonly StandInRoleSpec[];
  dataDir: string;
  now?: Clock;
  /** IAM's evaluation of each role's trust policy unless a test swaps it. */
  judgeTrust?: JudgeTrust;
  /**
   * Serve Identity Center's SCIM API at /scim/v2 (and require a provisioned user at Identity
   * Center's ACS). Without a token one is generated and returned once, for the caller to print.
   */
  scim?: { token?: string; limits?: ScimStoreLimits };
}

export interface RunningStandIn {
  url: string;
  /** `127.0.0.1:PORT`, for host-resolver rules and proxies. */
  hostPort: string;
  fingerprint: string;
  spkiHash: string;
  trusted: TrustedIdp[];
  roleCount: number;
  /** When SCIM is on: its base URL, and the token if the stand-in made it (shown once, never logged). */
  scim?: { url: string; generatedToken?: string };
  close(): Promise<void>;
}

/** A bad --trust or --roles input, with the file named: one line for the CLI. */
export class StandInInputError extends Error {
  override readonly name = 'StandInInputError';
}

async function readTrust(source: TrustSource): Promise<TrustedIdp> {
  let name: string;
  let xml: string;
  if ('path' in source) {
    name = source.path;
    try {
      xml = await readFile(source.path, 'utf8');
    } catch (error) {
      throw new StandInInputError(`--trust: ${unreadableFileMessage(source.path, error)}`);
    }
  } else {
    name = source.source;
    xml = source.xml;
  }
  try {
    return parseTrustedIdpMetadata(xml);
  } catch (error) {
    if (error instanceof XmlInputError) throw new StandInInputError(`${name}: ${error.message}`);
    throw error;
  }
}

/**
 * The SCIM token from a file (its first line; a token file usually ends in a newline), named in
 * the error when it cannot be read or is empty. The token itself never appears in a message.
 */
export async function readScimTokenFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new StandInInputError(`--scim-token-file: ${unreadableFileMessage(path, error)}`);
  }
  const token = text.split(/\r?\n/)[0]!.trim();
  if (!token) throw new StandInInputError(`--scim-token-file: ${path} is empty`);
  return token;
}

/** Reads the trusted metadata and roles, loads (or makes) the certificate, and serves HTTPS. */
export async function startStandInCommand(options: StandInCommandOptions): Promise<RunningStandIn> {
  const trusted = await Promise.all(options.trust.map(readTrust));
  const roles = [
    ...(options.rolesFile ? loadRolesFile(options.rolesFile) : []),
    ...(options.roles ?? []),
  ];
  const tls = await loadOrCreateStandInCertificate(options.dataDir);
  const now = options.now ?? systemClock;
  const generatedToken = options.scim && !options.scim.token ? generateScimToken() : undefined;
  const scim = options.scim
    ? {
        store: new ScimStore(now, options.scim.limits),
        token: options.scim.token || generatedToken!,
      }
    : undefined;
  const standIn = await startAwsStandIn({
    ...(scim ? { scim } : {}),
    https: tls,
    port: options.port ?? DEFAULT_STAND_IN_PORT,
    trustedIdps: trusted,
    roles,
    ...(options.now ? { now: options.now } : {}),
    judgeTrust: options.judgeTrust ?? judgeTrustWithIam,
  });
  return {
    url: standIn.url,
    hostPort: new URL(standIn.url).host,
    fingerprint: tls.fingerprint,
    spkiHash: tls.spkiHash,
    trusted,
    roleCount: roles.length,
    ...(scim
      ? { scim: { url: `${standIn.url}/scim/v2`, ...(generatedToken ? { generatedToken } : {}) } }
      : {}),
    close: standIn.close,
  };
}
