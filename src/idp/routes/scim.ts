import { redirect } from '../http/respond.ts';
import { messagePage } from '../pages/message.ts';
import { scimPage } from '../pages/scim.ts';
import type { SyncOutcome } from '../scim/syncer.ts';
import { currentUser, sendPage, type Route, type RouteArgs } from './context.ts';

/** Answers the application's SCIM page (after a sync, with its outcome), or a 403/404. */
async function scimRoute(args: RouteArgs, syncNow: boolean): Promise<void> {
  const user = currentUser(args);
  if (!user) return redirect(args.response, '/login');
  if (!user.admin)
    return sendPage(
      args,
      403,
      messagePage(
        args.frame,
        'Not allowed',
        'only admins may see or start provisioning',
        user.username,
      ),
    );
  const slug = decodeURIComponent(args.match[1]!);
  const app = args.context.minter.config.applications.find((a) => a.slug === slug);
  if (!app?.scim || !args.context.scim.has(slug))
    return sendPage(
      args,
      404,
      messagePage(
        args.frame,
        'Not found',
        `no application "${slug}" with a scim block`,
        user.username,
      ),
    );
  const outcome: SyncOutcome | undefined = syncNow
    ? await args.context.scim.sync(slug)
    : args.context.scim.last(slug);
  sendPage(
    args,
    syncNow && outcome && !outcome.ok ? 502 : 200,
    scimPage(args.frame, {
      slug,
      label: app.label,
      scim: app.scim,
      outcome,
      viewer: user.username,
    }),
  );
}

export const scimRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/applications\/([^/]+)\/scim$/,
    handle: (args) => scimRoute(args, false),
  },
  // A POST from the page's own form: server.ts checks its Origin and CSRF token first.
  {
    method: 'POST',
    path: /^\/applications\/([^/]+)\/scim\/sync$/,
    handle: (args) => scimRoute(args, true),
  },
];
