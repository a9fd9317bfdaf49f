import { groupRolesByAccount, type RolePair } from '../../../core/inspect.ts';
import { assessSamlResponse } from '../assess.ts';
import { invalidResponsePage, roleSelectionPage, signedInPage } from '../pages.ts';
import { normaliseUrl, reachedUrl } from '../recipient.ts';
import {
  htmlResponse,
  type StandInContext,
  type StandInRequest,
  type StandInResponse,
  type StandInRoute,
} from '../types.ts';

/** `arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION`: the role's name without its path. */
export function assumedRoleArn(role: RolePair, sessionName: string): string {
  const name = role.roleName.split('/').pop() ?? role.roleName;
  return `arn:${role.partition}:sts::${role.accountId}:assumed-role/${name}/${sessionName}`;
}

/**
 * Verifies a posted SAMLResponse as AWS would at the URL this request reached (AWS checks the
 * Recipient against its own endpoint); an error page when it is refused.
 */
function assessPosted(
  request: StandInRequest,
  context: StandInContext,
): { form: URLSearchParams; samlResponse: string; assessed: Assessed } | StandInResponse {
  const form = new URLSearchParams(request.body);
  const samlResponse = form.get('SAMLResponse');
  if (!samlResponse)
    return htmlResponse(400, invalidResponsePage('the POST carries no SAMLResponse field'));
  const own = reachedUrl(request.scheme, request.host, request.path);
  const result = assessSamlResponse(samlResponse, {
    trusted: context.trusted,
    now: new Date(context.now()),
    acceptRecipient: (url) => normaliseUrl(url) === own,
    recipientHint: `the URL this request reached (${own})`,
  });
  if (!result.ok) return htmlResponse(400, invalidResponsePage(result.reason));
  return { form, samlResponse, assessed: result };
}

type Assessed = Extract<ReturnType<typeof assessSamlResponse>, { ok: true }>;

/** POST /saml: what signin.aws.amazon.com/saml does with an IdP's response (and its own re-POST). */
function signIn(request: StandInRequest, context: StandInContext): StandInResponse {
  const posted = assessPosted(request, context);
  if (!('assessed' in posted)) return posted;
  const { form, samlResponse, assessed: result } = posted;
  const relayState = form.get('RelayState') ?? '';
  const roleIndex = form.get('roleIndex');
  const roles = result.aws.roles;
  let role: RolePair | undefined;
  if (roleIndex !== null) {
    role = roles.find((r) => r.roleArn === roleIndex);
    if (!role)
      return htmlResponse(
        400,
        invalidResponsePage(`roleIndex "${roleIndex}" is not one of the response's roles`),
      );
  } else if (roles.length === 1) {
    role = roles[0];
  } else {
    return htmlResponse(
      200,
      roleSelectionPage({
        samlResponse,
        relayState,
        accounts: groupRolesByAccount(roles),
        action: request.path,
      }),
    );
  }
  return htmlResponse(
    200,
    signedInPage({
      assumedRoleArn: assumedRoleArn(role!, result.aws.sessionName ?? ''),
      relayState,
      sessionDuration: result.aws.sessionDuration ?? 3600,
    }),
  );
}

/** IAM Identity Center's ACS: verifies like /saml and names the user it would sign in. */
function identityCenterAcs(request: StandInRequest, context: StandInContext): StandInResponse {
  const posted = assessPosted(request, context);
  if (!('assessed' in posted)) return posted;
  const result = posted.assessed;
  return htmlResponse(
    200,
    signedInPage({
      assumedRoleArn: `identity-center-user/${result.saml.nameId?.value ?? ''}`,
      relayState: '',
      sessionDuration: 3600,
    }),
  );
}

export const samlRoutes: StandInRoute[] = [
  { method: 'POST', path: /^\/saml\/?$/, handle: signIn },
  { method: 'POST', path: /^\/platform\/saml\/acs\/[^/]+$/, handle: identityCenterAcs },
];
