import { redirect } from '../http/respond.ts';
import { appsPage } from '../pages/apps.ts';
import { messagePage } from '../pages/message.ts';
import { relayStateProblem } from '../saml/relay-state.ts';
import { currentUser, sendPage, type Route, type RouteArgs } from './context.ts';
import { answerWithResponse } from './sso-response.ts';

function idpInitiated(args: RouteArgs): void {
  const user = currentUser(args);
  if (!user) return redirect(args.response, '/login');
  const slug = decodeURIComponent(args.match[1]!);
  const relayState = args.url.searchParams.get('RelayState') ?? undefined;
  const problem = relayStateProblem(relayState);
  if (problem)
    return sendPage(args, 400, messagePage(args.frame, 'Bad SSO request', problem, user.username));
  answerWithResponse(args, user, slug, relayState !== undefined ? { relayState } : {});
}

export const appRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/apps$/,
    handle: (args) => {
      const user = currentUser(args);
      if (!user) return redirect(args.response, '/login');
      const applications = args.context.minter.applicationsFor(user);
      sendPage(
        args,
        200,
        appsPage(args.frame, {
          username: user.username,
          displayName: user.name,
          applications,
          admin: user.admin,
        }),
      );
    },
  },
  // IdP-initiated SSO: opening an application posts a fresh response to its ACS URL.
  { method: 'GET', path: /^\/applications\/([^/]+)\/sso$/, handle: idpInitiated },
  { method: 'POST', path: /^\/applications\/([^/]+)\/sso$/, handle: idpInitiated },
];
