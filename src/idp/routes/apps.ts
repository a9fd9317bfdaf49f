import { redirect, sendHtml } from '../http/respond.ts';
import { appsPage } from '../pages/apps.ts';
import { currentUser, type Route, type RouteArgs } from './context.ts';
import { answerWithResponse } from './sso-response.ts';

function idpInitiated(args: RouteArgs): void {
  const user = currentUser(args);
  if (!user) return redirect(args.response, '/login');
  const slug = decodeURIComponent(args.match[1]!);
  const relayState = args.url.searchParams.get('RelayState') ?? undefined;
  answerWithResponse(
    args.response,
    args.context,
    user,
    slug,
    relayState !== undefined ? { relayState } : {},
  );
}

export const appRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/apps$/,
    handle: (args) => {
      const user = currentUser(args);
      if (!user) return redirect(args.response, '/login');
      const applications = args.context.minter.applicationsFor(user);
      sendHtml(
        args.response,
        200,
        appsPage({
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
