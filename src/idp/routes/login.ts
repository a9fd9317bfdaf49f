import { timingSafeEqual } from 'node:crypto';
import { newCsrfToken } from '../http/csrf.ts';
import { redirect } from '../http/respond.ts';
import { loginPage, type LoginPageProps } from '../pages/login.ts';
import {
  COOKIE_ATTRIBUTES,
  currentUser,
  LOGIN_COOKIE,
  SESSION_COOKIE,
  sendPage,
  type Route,
  type RouteArgs,
} from './context.ts';

function samePassword(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function showLogin(
  args: RouteArgs,
  status: number,
  props: Omit<LoginPageProps, 'usernames'>,
  headers: Record<string, string> = {},
): void {
  const usernames = args.context.demo
    ? { usernames: args.context.minter.config.users.map((u) => u.username) }
    : {};
  sendPage(args, status, loginPage(args.frame, { ...usernames, ...props }), { headers });
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
    handle: (args) => {
      const pending = args.url.searchParams.get('pending') ?? undefined;
      const props = pending ? { pending } : {};
      if (args.frame.csrfToken) return showLogin(args, 200, props);
      // A first visit: the login form's CSRF token is bound to a session of its own.
      const csrfToken = newCsrfToken();
      const key = args.context.loginSessions.add({ csrfToken });
      args.frame.csrfToken = csrfToken;
      showLogin(args, 200, props, { 'set-cookie': `${LOGIN_COOKIE}=${key}; ${COOKIE_ATTRIBUTES}` });
    },
  },
  {
    method: 'POST',
    path: /^\/login$/,
    handle: (args) => {
      const { form, response, context } = args;
      const username = form.get('username') ?? '';
      const pending = form.get('pending') ?? undefined;
      const again = { username, ...(pending ? { pending } : {}) };
      const throttled = context.throttle.check(username);
      if (throttled)
        return showLogin(
          args,
          429,
          { ...again, error: throttled.message },
          { 'retry-after': String(throttled.retryAfterSeconds) },
        );
      const user = context.minter.config.users.find((u) => u.username === username);
      if (!user || !samePassword(form.get('password') ?? '', user.password)) {
        context.throttle.failed(username);
        return showLogin(args, 401, { ...again, error: 'Unknown user or wrong password.' });
      }
      context.throttle.succeeded(username);
      // A new session key and token on sign-in: nothing seen before it (session fixation) counts.
      context.loginSessions.delete(args.cookies.get(LOGIN_COOKIE));
      context.sessions.delete(args.cookies.get(SESSION_COOKIE));
      const session = context.sessions.add({ username: user.username, csrfToken: newCsrfToken() });
      const next =
        pending && context.pending.get(pending)
          ? `/sso/resume?pending=${encodeURIComponent(pending)}`
          : '/apps';
      redirect(response, next, {
        'set-cookie': [
          `${SESSION_COOKIE}=${session}; ${COOKIE_ATTRIBUTES}`,
          `${LOGIN_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`,
        ],
      });
    },
  },
  {
    method: 'POST',
    path: /^\/logout$/,
    handle: ({ cookies, response, context }) => {
      context.sessions.delete(cookies.get(SESSION_COOKIE));
      redirect(response, '/login', {
        'set-cookie': `${SESSION_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`,
      });
    },
  },
];
