import { assessSamlResponse, type Assessment } from '../assess.ts';
import { admitRole } from '../judge/admit-role.ts';
import { signinHostPartition } from '../judge/aws-endpoints.ts';
import type { StandInRole } from '../judge/role-values.ts';
import {
  identityCenterRefusalPage,
  invalidResponsePage,
  roleSelectionPage,
  signedInPage,
} from '../pages.ts';
import { reachedUrl } from '../recipient.ts';
import {
  htmlResponse,
  type StandInContext,
  type StandInRequest,
  type StandInResponse,
  type StandInRoute,
} from '../types.ts';

/** `arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION`: the role's name without its path. */
export function assumedRoleArn(role: StandInRole, sessionName: string): string {
  const name = role.roleName.split('/').pop() ?? role.roleName;
  return `arn:${role.partition}:sts::${role.accountId}:assumed-role/${name}/${sessionName}`;
}

type Accepted = Extract<Assessment, { ok: true }>;

/**
 * Judges a posted SAMLResponse as AWS would at the URL this request reached (AWS checks the
 * Recipient against its own endpoint); an error page when it is refused.
 */
function assessPosted(
  request: StandInRequest,
  context: StandInContext,
  identityCenter = false,
): { form: URLSearchParams; samlResponse: string; accepted: Accepted } | StandInResponse {
  const form = new URLSearchParams(request.body);
  const samlResponse = form.get('SAMLResponse');
  if (!samlResponse)
    return htmlResponse(400, invalidResponsePage('the POST carries no SAMLResponse field'));
  const url = reachedUrl(request.scheme, request.host, request.path);
  const partition = signinHostPartition(request.host)?.partition;
  const result = assessSamlResponse(samlResponse, {
    trusted: context.trusted,
    now: context.now(),
    arrival: identityCenter
      ? { kind: 'identity-center', url }
      : { kind: 'signin', url, ...(partition ? { partition } : {}) },
  });
  if (!result.ok) return htmlResponse(400, invalidResponsePage(result.reason));
  return { form, samlResponse, accepted: result };
}

/** The roles grouped by account in the order sent, as AWS's role picker lists them. */
function byAccount(roles: readonly StandInRole[]): { accountId: string; roles: StandInRole[] }[] {
  const groups = new Map<string, StandInRole[]>();
  for (const role of roles)
    groups.set(role.accountId, [...(groups.get(role.accountId) ?? []), role]);
  return [...groups].map(([accountId, list]) => ({ accountId, roles: list }));
}

/** POST /saml: what signin.aws.amazon.com/saml does with an IdP's response (and its own re-POST). */
function signIn(request: StandInRequest, context: StandInContext): StandInResponse {
  const posted = assessPosted(request, context);
  if (!('accepted' in posted)) return posted;
  const { form, samlResponse, accepted } = posted;
  const relayState = form.get('RelayState') ?? '';
  const roleIndex = form.get('roleIndex');
  const roles = accepted.roles;
  let chosen: string;
  if (roleIndex !== null) {
    if (!roles.some((r) => r.roleArn === roleIndex))
      return htmlResponse(
        400,
        invalidResponsePage(`roleIndex "${roleIndex}" is not one of the response's roles`),
      );
    chosen = roleIndex;
  } else if (roles.length === 1) {
    chosen = roles[0]!.roleArn;
  } else {
    return htmlResponse(
      200,
      roleSelectionPage({
        samlResponse,
        relayState,
        accounts: byAccount(roles),
        action: request.path,
      }),
    );
  }
  // A console session lasts SessionDuration (one hour when not sent), apart from MaxSessionDuration.
  const sessionDuration = accepted.session.sessionDuration ?? 3600;
  const admitted = admitRole(accepted, { roleArn: chosen }, context.roles, context.judgeTrust);
  if ('code' in admitted) return htmlResponse(400, invalidResponsePage(admitted.message));
  return htmlResponse(
    200,
    signedInPage({
      assumedRoleArn: assumedRoleArn(admitted.role, accepted.session.sessionName),
      relayState,
      sessionDuration,
    }),
  );
}

/**
 * Identity Center signs in only a user it holds: with SCIM on, the NameID must be the userName of
 * a provisioned, active user (RFC 7643's userName compares without case). With SCIM off the
 * stand-in has no directory, so any verified NameID is taken, as before SCIM existed.
 */
function identityCenterUserProblem(nameId: string, context: StandInContext): string | undefined {
  if (!context.scim) return undefined;
  if (!nameId) return 'the assertion has no NameID to match a provisioned userName';
  const user = context.scim.userByName(nameId);
  if (!user)
    return `no provisioned user has the userName "${nameId}" (the NameID); provision it over SCIM first`;
  if (user.data.active === false) return `the user "${nameId}" is deactivated (active: false)`;
  return undefined;
}

/** IAM Identity Center's ACS: verifies like /saml and names the user it would sign in. */
function identityCenterAcs(request: StandInRequest, context: StandInContext): StandInResponse {
  const posted = assessPosted(request, context, true);
  if (!('accepted' in posted)) return posted;
  const nameId = posted.accepted.saml.nameId?.value ?? '';
  const problem = identityCenterUserProblem(nameId, context);
  if (problem) return htmlResponse(403, identityCenterRefusalPage(problem));
  return htmlResponse(
    200,
    signedInPage({
      assumedRoleArn: `identity-center-user/${nameId}`,
      relayState: '',
      sessionDuration: 3600,
    }),
  );
}

export const samlRoutes: StandInRoute[] = [
  // `/static/saml`: the global form the IAM guide also gives for the aws partition.
  { method: 'POST', path: /^\/(?:static\/)?saml\/?$/, handle: signIn },
  { method: 'POST', path: /^\/saml\/acs\/[^/]+\/?$/, handle: signIn },
  { method: 'POST', path: /^\/platform\/saml\/acs\/[^/]+$/, handle: identityCenterAcs },
];
