import { messagePage } from '../pages/message.ts';
import { continuePage } from '../pages/continue.ts';
import { decodeAuthnRequest } from '../saml/authn-request.ts';
import { relayStateProblem } from '../saml/relay-state.ts';
import { XmlInputError } from '../saml/xml-text.ts';
import { redirect } from '../http/respond.ts';
import {
  currentUser,
  sendPage,
  type IdpContext,
  type PendingRequest,
  type Route,
  type RouteArgs,
} from './context.ts';
import { answerWithResponse } from './sso-response.ts';

/** Finds the application an AuthnRequest is for: its audience is the SP's entity ID. */
function pendingFor(
  context: IdpContext,
  samlRequest: string,
  binding: 'redirect' | 'post',
  relayState: string | undefined,
): PendingRequest {
  const relayProblem = relayStateProblem(relayState);
  if (relayProblem) throw new XmlInputError(relayProblem);
  const request = decodeAuthnRequest(samlRequest, binding);
  const app = context.minter.config.applications.find((a) => a.audience === request.issuer);
  if (!app)
    throw new XmlInputError(
      `no application has the audience "${request.issuer}" that the AuthnRequest's Issuer names`,
    );
  if (request.acsUrl !== undefined && request.acsUrl !== app.acsUrl) {
    throw new XmlInputError(
      `the AuthnRequest asks for AssertionConsumerServiceURL "${request.acsUrl}" but application ${app.slug} posts to "${app.acsUrl}"`,
    );
  }
  return { request, slug: app.slug, ...(relayState !== undefined ? { relayState } : {}) };
}

function answer(args: RouteArgs, pending: PendingRequest): void {
  const user = currentUser(args)!;
  answerWithResponse(args, user, pending.slug, {
    inResponseTo: pending.request.id,
    ...(pending.relayState !== undefined ? { relayState: pending.relayState } : {}),
  });
}

async function spInitiated(args: RouteArgs, binding: 'redirect' | 'post'): Promise<void> {
  const params = binding === 'redirect' ? args.url.searchParams : args.form;
  const samlRequest = params.get('SAMLRequest');
  if (!samlRequest)
    return sendPage(
      args,
      400,
      messagePage(args.frame, 'Bad SSO request', 'the request carries no SAMLRequest parameter'),
    );
  let pending: PendingRequest;
  try {
    pending = pendingFor(args.context, samlRequest, binding, params.get('RelayState') ?? undefined);
  } catch (error) {
    if (error instanceof XmlInputError)
      return sendPage(args, 400, messagePage(args.frame, 'Bad SSO request', error.message));
    throw error;
  }
  if (currentUser(args)) return answer(args, pending);
  const key = args.context.pending.add(pending);
  sendPage(args, 200, continuePage(args.frame, `/sso/resume?pending=${encodeURIComponent(key)}`));
}

export const ssoRoutes: Route[] = [
  { method: 'GET', path: /^\/sso$/, handle: (args) => spInitiated(args, 'redirect') },
  { method: 'POST', path: /^\/sso$/, crossSite: true, handle: (args) => spInitiated(args, 'post') },
  {
    method: 'GET',
    path: /^\/sso\/resume$/,
    handle: (args) => {
      const key = args.url.searchParams.get('pending') ?? undefined;
      const pending = args.context.pending.get(key);
      if (!pending)
        return sendPage(
          args,
          400,
          messagePage(
            args.frame,
            'Bad SSO request',
            'the sign-in request has expired or was already answered; start again from the application',
          ),
        );
      if (!currentUser(args))
        return redirect(args.response, `/login?pending=${encodeURIComponent(key!)}`);
      args.context.pending.delete(key);
      answer(args, pending);
    },
  },
];
