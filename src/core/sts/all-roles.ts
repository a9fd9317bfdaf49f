import type { RolePair } from '../aws/types.ts';
import { assumeRoleWithSaml, type StsClientOptions } from './client.ts';
import { mapWithLimit } from './limit.ts';
import type { AssumeRoleResult } from './types.ts';

/** STS allows bursts, but a few calls at a time keeps a long role list clear of throttling. */
export const DEFAULT_ROLE_CONCURRENCY = 4;

export interface AssumeAllRolesParams {
  samlAssertion: string;
  durationSeconds?: number;
  /** The STS URL for each role (partitions can differ between roles). */
  endpointFor(role: RolePair): string;
}

export interface AssumeAllRolesOptions extends StsClientOptions {
  limit?: number;
  /** Called as each role settles, e.g. for a progress display. */
  onResult?(role: RolePair, result: AssumeRoleResult): void;
}

export interface RoleResult {
  role: RolePair;
  result: AssumeRoleResult;
}

/** One AssumeRoleWithSAML per role, a few at a time; results in the roles' order. */
export function assumeAllRoles(
  roles: readonly RolePair[],
  params: AssumeAllRolesParams,
  options: AssumeAllRolesOptions,
): Promise<RoleResult[]> {
  return mapWithLimit(roles, options.limit ?? DEFAULT_ROLE_CONCURRENCY, async (role) => {
    const result = await assumeRoleWithSaml(
      {
        roleArn: role.roleArn,
        principalArn: role.providerArn,
        samlAssertion: params.samlAssertion,
        endpoint: params.endpointFor(role),
        ...(params.durationSeconds !== undefined
          ? { durationSeconds: params.durationSeconds }
          : {}),
      },
      options,
    );
    options.onResult?.(role, result);
    return { role, result };
  });
}
