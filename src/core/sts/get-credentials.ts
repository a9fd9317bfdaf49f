import { reachablePartition } from '../aws/partition.ts';
import { STS_REGIONS } from '../aws/regions.ts';
import { CLOCK_SKEW_MS, describeDuration } from '../lint/saml-time.ts';
import { nearestName } from '../nearest-name.ts';
import type { Partition, RolePair } from '../aws/types.ts';
import { assumeAllRoles, type AssumeAllRolesOptions } from './all-roles.ts';
import { chooseDurationSeconds } from './duration.ts';
import { regionPartition, stsEndpointFor } from './endpoint.ts';
import { checkCustomEndpoint } from './custom-endpoint.ts';
import { isStsParameterError, StsParameterError } from './errors.ts';
import { checkProfileTemplate, DEFAULT_PROFILE_TEMPLATE, profileName } from './profile-name.ts';
import type { StsCredentials, StsError } from './types.ts';

/** Everything a surface knows when a person asks for credentials: the one input to the plan. */
export interface CredentialsRequest {
  /** The roles to assume, in the order results come back. */
  roles: readonly RolePair[];
  /** The SAMLResponse as posted (base64). */
  samlAssertion: string;
  /** DurationSeconds as typed (900..43200); absent takes `sessionDuration`, else STS's 3600. */
  duration?: string;
  /** The assertion's SessionDuration attribute, used only when no duration is typed. */
  sessionDuration?: number;
  /** An STS region: used for the roles of its partition; the others use their default endpoint. */
  region?: string;
  /** A custom STS endpoint (as AWS_ENDPOINT_URL_STS): every reachable role is sent there. */
  customEndpoint?: string;
  /** `~/.aws/credentials` profile names; DEFAULT_PROFILE_TEMPLATE when absent. */
  profileTemplate?: string;
  /** Account ID -> alias, for `{accountAlias}`. */
  accountAliases?: Readonly<Record<string, string>>;
  /**
   * When the assertion stops being accepted (the earliest NotOnOrAfter, `expiresAt`) and the time
   * now, both epoch ms: an assertion already expired is refused here, and nothing is sent.
   */
  assertionWindow?: { expiresAt: number; now: number };
}

export interface ProfileChoice {
  name: string;
  /** Set when the template gave no name for this role: `name` then comes from the default one. */
  problem?: string;
}

/** What became of one role: credentials, AWS's explained refusal, or never sent, and why. */
export type RoleCredentials =
  | {
      kind: 'granted';
      role: RolePair;
      /** The region used for this role; undefined for its partition's default endpoint. */
      region?: string;
      profile: ProfileChoice;
      credentials: StsCredentials;
      assumedRoleArn: string;
    }
  | { kind: 'refused'; role: RolePair; region?: string; profile: ProfileChoice; error: StsError }
  | { kind: 'unreachable'; role: RolePair; message: string };

/** A refused parameter stops everything before any call; otherwise one entry per role. */
export type CredentialsOutcome =
  { ok: true; roles: RoleCredentials[] } | { ok: false; error: StsParameterError };

type Planned = { role: RolePair; region?: string; profile: ProfileChoice };

/**
 * Gets credentials for each role: checks the duration, template, endpoint and region; picks each
 * role's endpoint (a role in a partition the tool cannot reach is sent nowhere); names its profile;
 * then assumes the roles a few at a time. Never rejects for STS or network failures.
 */
export async function getCredentials(
  request: CredentialsRequest,
  options: AssumeAllRolesOptions,
): Promise<CredentialsOutcome> {
  let durationSeconds: number | undefined;
  const planned: Planned[] = [];
  const endpoints = new Map<RolePair, string>();
  const unreachable = new Map<RolePair, string>();
  try {
    if (request.assertionWindow) checkNotExpired(request.assertionWindow);
    durationSeconds = chooseDurationSeconds(request.duration, request.sessionDuration);
    const template = request.profileTemplate ?? DEFAULT_PROFILE_TEMPLATE;
    checkProfileTemplate(template);
    const custom = request.customEndpoint?.trim() ? request.customEndpoint : undefined;
    if (custom !== undefined) checkCustomEndpoint(custom);
    const reachable: { role: RolePair; partition: Partition }[] = [];
    for (const role of request.roles) {
      const reach = reachablePartition(role);
      if (reach.ok) reachable.push({ role, partition: reach.partition });
      else unreachable.set(role, reach.message);
    }
    const regionOwner = checkRegion(request.region, reachable);
    for (const { role, partition } of reachable) {
      const region = partition === regionOwner ? request.region : undefined;
      endpoints.set(role, stsEndpointFor(partition, region, custom));
      planned.push({
        role,
        ...(region ? { region } : {}),
        profile: profileFor(role, template, request.accountAliases, region),
      });
    }
  } catch (error) {
    if (isStsParameterError(error)) return { ok: false, error };
    throw error;
  }
  const results = await assumeAllRoles(
    planned.map((plan) => plan.role),
    {
      samlAssertion: request.samlAssertion,
      endpointFor: (role) => endpoints.get(role)!,
      ...(durationSeconds !== undefined ? { durationSeconds } : {}),
    },
    options,
  );
  const byRole = new Map(planned.map((plan) => [plan.role, plan]));
  const settled = new Map(results.map(({ role, result }) => [role, result]));
  return {
    ok: true,
    roles: request.roles.map((role): RoleCredentials => {
      const message = unreachable.get(role);
      if (message !== undefined) return { kind: 'unreachable', role, message };
      const plan = byRole.get(role)!;
      const result = settled.get(role)!;
      if (!result.ok) return { kind: 'refused', ...plan, error: result.error };
      return {
        kind: 'granted',
        ...plan,
        credentials: result.credentials,
        assumedRoleArn: result.assumedRoleArn,
      };
    }),
  };
}

/**
 * The partition the region belongs to, or undefined for none. A region that fits none of the
 * reachable roles would send nothing where asked (and label the output wrongly): refused.
 */
function checkRegion(
  region: string | undefined,
  reachable: readonly { partition: Partition }[],
): Partition | undefined {
  if (region === undefined || region === '') return undefined;
  const owner = regionPartition(region);
  const partitions = [...new Set(reachable.map((r) => r.partition))];
  if (partitions.length === 0) return undefined;
  const match = partitions.find((p) => p === owner);
  if (match) {
    checkRegionExists(region, match);
    return match;
  }
  throw new StsParameterError(
    'region-invalid',
    partitions.length === 1
      ? `region ${region} is in partition ${owner}, but the role is in ${partitions[0]}`
      : `region ${region} is in partition ${owner}, but the roles are in ${partitions.join(', ')}`,
  );
}

/** A well-formed name that is no region of the partition is a typo: STS there does not exist. */
function checkRegionExists(region: string, partition: Partition): void {
  const regions = STS_REGIONS[partition];
  if (regions.includes(region)) return;
  const guess = nearestName(region, regions);
  throw new StsParameterError(
    'region-invalid',
    `no such region '${region}' in partition ${partition}${guess ? ` (did you mean ${guess}?)` : ''}`,
  );
}

/**
 * STS refuses an expired assertion: said here, with when, instead of spending a call. Within the
 * clock skew the lint allows, it is sent anyway: this machine's clock may be the one that is off.
 */
function checkNotExpired({ expiresAt, now }: { expiresAt: number; now: number }): void {
  if (now < expiresAt + CLOCK_SKEW_MS) return;
  throw new StsParameterError(
    'assertion-expired',
    `the assertion expired at ${new Date(expiresAt).toISOString().replace('.000Z', 'Z')}, ${describeDuration(now - expiresAt)} ago (by this machine's clock), so STS would refuse it and nothing was sent: get a fresh one (sign in through your IdP again)`,
  );
}

/** The role's profile name; a template that names this role nothing falls back to the default. */
function profileFor(
  role: RolePair,
  template: string,
  aliases: Readonly<Record<string, string>> | undefined,
  region: string | undefined,
): ProfileChoice {
  const alias = aliases?.[role.accountId];
  const facts = {
    accountId: role.accountId,
    roleName: role.roleName,
    partition: role.partition,
    ...(alias ? { accountAlias: alias } : {}),
    ...(region ? { region } : {}),
  };
  try {
    return { name: profileName(template, facts) };
  } catch (error) {
    if (!isStsParameterError(error)) throw error;
    return { name: profileName(DEFAULT_PROFILE_TEMPLATE, facts), problem: error.message };
  }
}
