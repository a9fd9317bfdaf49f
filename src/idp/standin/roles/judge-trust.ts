import type { SamlMessage } from '../../../core/inspect.ts';
import type { StandInRole } from '../judge/role-values.ts';
import type { SessionAttributes } from '../judge/session-attributes.ts';
import type { TrustedIdp } from '../trust.ts';
import type { TrustPolicy } from './default-trust-policy.ts';

/** A role as configured (ROLES.yaml, tests): what is left out takes IAM's defaults. */
export interface StandInRoleSpec {
  arn: string;
  maxSessionDuration?: number;
  trustPolicy?: TrustPolicy;
}

/** A role as the stand-in's IAM holds it. */
export interface StandInRoleConfig {
  arn: string;
  /** Seconds, 3600..43200 as IAM allows. */
  maxSessionDuration: number;
  trustPolicy: TrustPolicy;
}

/** What a trust policy is evaluated against: the verified assertion and the pair chosen. */
export interface TrustRequest {
  saml: SamlMessage;
  idp: TrustedIdp;
  role: StandInRole;
  session: SessionAttributes;
}

export interface TrustDecision {
  allowed: boolean;
  /** Why, naming the statement and condition when denied. */
  reason: string;
}

/**
 * Decides whether `role`'s trust policy lets `request` assume it. The one seam where IAM's policy
 * evaluation plugs in; the stand-in itself has none.
 */
export type JudgeTrust = (role: StandInRoleConfig, request: TrustRequest) => TrustDecision;

/** For tests of the judge's other checks: every trust policy allows (the command uses IAM's). */
export const allowEveryTrustPolicy: JudgeTrust = () => ({
  allowed: true,
  reason: 'trust policies are not evaluated by this stand-in',
});
