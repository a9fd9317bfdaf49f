import type { Assessment } from '../assess.ts';
import type { JudgeTrust, StandInRoleConfig } from '../roles/judge-trust.ts';
import type { RoleTable } from '../roles/role-table.ts';
import { refuse, type Refusal } from './refusal.ts';
import type { StandInRole } from './role-values.ts';

type Accepted = Extract<Assessment, { ok: true }>;

export interface RoleChoice {
  roleArn: string;
  /** STS names the provider too; the sign-in page picks by role alone. */
  principalArn?: string;
  /**
   * STS's DurationSeconds, held to the role's MaxSessionDuration. The sign-in page passes none:
   * the STS reference says a console session's length (SessionDuration) is separate from it.
   */
  durationSeconds?: number;
}

/**
 * Whether the chosen role may be assumed: its pair is in the assertion, its trust policy allows
 * (through `judgeTrust`), and the duration fits its MaxSessionDuration.
 */
export function admitRole(
  accepted: Accepted,
  choice: RoleChoice,
  roles: RoleTable,
  judgeTrust: JudgeTrust,
): { role: StandInRole; config: StandInRoleConfig } | Refusal {
  const role = accepted.roles.find(
    (r) =>
      r.roleArn === choice.roleArn &&
      (choice.principalArn === undefined || r.providerArn === choice.principalArn),
  );
  if (!role)
    return refuse(
      'AccessDenied',
      `Not authorized to perform sts:AssumeRoleWithSAML: the SAML assertion has no Role value pairing ${choice.roleArn}${choice.principalArn ? ` with ${choice.principalArn}` : ''}`,
    );
  const config = roles.configFor(role);
  const trust = judgeTrust(config, {
    saml: accepted.saml,
    idp: accepted.idp,
    role,
    session: accepted.session,
  });
  if (!trust.allowed)
    return refuse(
      'AccessDenied',
      `Not authorized to perform sts:AssumeRoleWithSAML: ${trust.reason}`,
    );
  if (choice.durationSeconds !== undefined && choice.durationSeconds > config.maxSessionDuration)
    return refuse(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  return { role, config };
}
