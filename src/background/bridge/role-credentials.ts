import type { BridgeError } from '../../core/bridge.ts';
import {
  defaultDurationSeconds,
  getCredentials,
  type CredentialsRequest,
  type StsCredentials,
} from '../../core/credentials.ts';
import type { DecodedCapture } from '../../shared/capture.ts';
import { bridgeError } from './bridge-error.ts';
import type { BridgeDeps } from './deps.ts';
import { holdsRole, lastIssuerOf, newestLiveCapture } from './find-capture.ts';

/**
 * Credentials with less than this left are not handed out: the AWS CLI would ask again within
 * minutes, and a call that outlives them fails halfway.
 */
export const FRESH_MARGIN_MS = 5 * 60_000;

export interface RoleQuery {
  roleArn: string;
  durationSeconds?: number;
  /** An STS region; undefined for the partition's default endpoint. */
  region?: string;
}

export type CredentialsAnswer =
  { ok: true; credentials: StsCredentials } | { ok: false; error: BridgeError };

/**
 * Credentials for one role: (a) ones already in storage.session with more than the margin left,
 * from any tab; (b) else STS with the newest live assertion holding the role; (c) else a fresh
 * assertion from the IdP that last issued the role, then (b) with it. Never rejects for STS.
 */
export async function credentialsForRole(
  query: RoleQuery,
  deps: BridgeDeps,
): Promise<CredentialsAnswer> {
  const { roleArn, region } = query;
  const cached = await deps.credentials.findForRole(roleArn, {
    minValidMs: FRESH_MARGIN_MS,
    ...(region ? { region } : {}),
  });
  if (cached) return { ok: true, credentials: cached.credentials };
  const live = await newestLiveCapture(roleArn, deps.captures, deps.now());
  if (live) return assumeWith(live, query, deps);
  const issuer = await lastIssuerOf(roleArn, deps.captures);
  if (!issuer)
    return fail(
      'no-capture',
      `no sign-in in this browser session held ${roleArn}: sign in to AWS through your IdP in the browser first`,
    );
  const fresh = await deps.reSignIn(issuer);
  if (!fresh.ok) return { ok: false, error: bridgeError(fresh.error.code, fresh.error.message) };
  if (!holdsRole(fresh.capture, roleArn))
    return fail('no-capture', `a new sign-in at ${issuer} no longer holds ${roleArn}`);
  return assumeWith(fresh.capture, query, deps);
}

const fail = (...args: Parameters<typeof bridgeError>): CredentialsAnswer => ({
  ok: false,
  error: bridgeError(...args),
});

/** AssumeRoleWithSAML with the capture's assertion; granted credentials are stored for reuse. */
async function assumeWith(
  capture: DecodedCapture,
  query: RoleQuery,
  deps: BridgeDeps,
): Promise<CredentialsAnswer> {
  const role = capture.inspection.aws.roles.find((r) => r.roleArn === query.roleArn)!;
  const settings = await deps.credentialSettings();
  const sessionDuration = defaultDurationSeconds(capture.inspection.aws);
  const request: CredentialsRequest = {
    roles: [role],
    samlAssertion: capture.inspection.input.samlResponse,
    ...(query.durationSeconds !== undefined ? { duration: String(query.durationSeconds) } : {}),
    ...(sessionDuration !== undefined ? { sessionDuration } : {}),
    ...(query.region ? { region: query.region } : {}),
    ...(settings.stsEndpoint ? { customEndpoint: settings.stsEndpoint } : {}),
    ...(settings.profileTemplate ? { profileTemplate: settings.profileTemplate } : {}),
    ...(capture.expiresAt !== undefined
      ? { assertionWindow: { expiresAt: capture.expiresAt, now: deps.now() } }
      : {}),
  };
  const outcome = await getCredentials(request, { fetch: deps.fetch });
  if (!outcome.ok)
    return fail(
      outcome.error.code === 'assertion-expired' ? 'no-capture' : 'bad-request',
      outcome.error.message,
    );
  const result = outcome.roles[0]!;
  if (result.kind === 'unreachable') return fail('sts-refused', result.message);
  if (result.kind === 'refused') {
    const { code, message, meaning, action } = result.error;
    return fail(
      'sts-refused',
      `STS refused ${role.roleArn}: ${code}: ${message} | ${meaning} ${action}`,
    );
  }
  await deps.credentials.put({
    tabId: capture.tabId,
    roleArn: role.roleArn,
    credentials: result.credentials,
    assumedRoleArn: result.assumedRoleArn,
    profile: result.profile.name,
    ...(result.region ? { region: result.region } : {}),
  });
  return { ok: true, credentials: result.credentials };
}
