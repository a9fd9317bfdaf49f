import { timingSafeEqual } from 'node:crypto';
import { readForm, parseCookies } from '../http/request.ts';
import { redirect, sendHtml } from '../http/respond.ts';
import { loginPage } from '../pages/login.ts';
import { currentUser, SESSION_COOKIE, type Route } from './context.ts';

function samePassword(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const loginRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/$/,
    handle: (args) => redirect(args.response, currentUser(args) ? '/apps' : '/login'),
  },
  {
    method: 'GET',
    path: /^\/login$/,
    handle: ({ url, response, context }) => {
      const pending = url.searchParams.get('pending') ?? undefined;
      sendHtml(
        response,
        200,
        loginPage({
          usernames: context.minter.config.users.map((u) => u.username),
          ...(pending ? { pending } : {}),
        }),
      );
    },
  },
  {
    method: 'POST',
    path: /^\/login$/,
    handle: async ({ request, response, context }) => {
      const form = await readForm(request);
      const username = form.get('username') ?? '';
      const pending = form.get('pending') ?? undefined;
      const user = context.minter.config.users.find((u) => u.username === username);
      if (!user || !samePassword(form.get('password') ?? '', user.password)) {
        const usernames = context.minter.config.users.map((u) => u.username);
        sendHtml(
          response,
          401,
          loginPage({
            usernames,
            username,
            error: 'Unknown user or wrong password.',
            ...(pending ? { pending } : {}),
          }),
        );
        return;
      }
      const session = context.sessions.add(user.username);
      const next =
        pending && context.pending.get(pending)
          ? `/sso/resume?pending=${encodeURIComponent(pending)}`
          : '/apps';
      redirect(response, next, {
        'set-cookie': `${SESSION_COOKIE}=${session}; Path=/; HttpOnly; SameSite=Lax`,
      });
    },
  },
  {
    method: 'POST',
    path: /^\/logout$/,
    handle: ({ request, response, context }) => {
      context.sessions.delete(parseCookies(request.headers.cookie).get(SESSION_COOKIE));
      redirect(response, '/login', {
        'set-cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
      });
    },
  },
];
