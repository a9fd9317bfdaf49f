import type { StandInRole } from '../judge/role-values.ts';
import { samlFederationTrustPolicy } from './default-trust-policy.ts';
import type { StandInRoleConfig, StandInRoleSpec } from './judge-trust.ts';

/** IAM's default MaxSessionDuration. */
export const DEFAULT_MAX_SESSION_DURATION = 3600;

/** The roles the stand-in's IAM knows: those configured, and a console-made default for others. */
export class RoleTable {
  private readonly byArn: Map<string, StandInRoleSpec>;

  constructor(roles: readonly StandInRoleSpec[] = []) {
    this.byArn = new Map(roles.map((role) => [role.arn, role]));
  }

  /**
   * The role as configured; what is not configured is IAM's default: a MaxSessionDuration of one
   * hour, and the console's SAML trust policy for the pair's provider.
   */
  configFor(role: StandInRole): StandInRoleConfig {
    const spec = this.byArn.get(role.roleArn);
    return {
      arn: role.roleArn,
      maxSessionDuration: spec?.maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
      trustPolicy: spec?.trustPolicy ?? samlFederationTrustPolicy(role.providerArn, role.partition),
    };
  }
}
