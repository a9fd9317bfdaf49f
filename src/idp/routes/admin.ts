import type { IdpUser } from '../config/types.ts';
import { redirect } from '../http/respond.ts';
import { MappingError } from '../mapping/evaluate.ts';
import { MintError } from '../mint.ts';
import { messagePage } from '../pages/message.ts';
import { newAppPage } from '../pages/new-app.ts';
import { previewPage } from '../pages/preview.ts';
import { parseSpMetadata } from '../saml/sp-metadata.ts';
import { XmlInputError } from '../saml/xml-text.ts';
import { currentUser, sendPage, type Route, type RouteArgs } from './context.ts';

/** The signed-in admin, or undefined after answering with a redirect or a 403. */
function requireAdmin(args: RouteArgs): IdpUser | undefined {
  const user = currentUser(args);
  if (!user) {
    redirect(args.response, '/login');
    return undefined;
  }
  if (!user.admin) {
    sendPage(
      args,
      403,
      messagePage(
        args.frame,
        'Not allowed',
        'only admins (members of "admins" or users with admin: true) may do this',
        user.username,
      ),
    );
    return undefined;
  }
  return user;
}

export const adminRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/applications\/([^/]+)\/preview$/,
    handle: (args) => {
      const viewer = requireAdmin(args);
      if (!viewer) return;
      const slug = decodeURIComponent(args.match[1]!);
      const username = args.url.searchParams.get('user') ?? viewer.username;
      try {
        const output = args.context.minter.preview(username, slug);
        const usernames = args.context.minter.config.users.map((u) => u.username);
        sendPage(
          args,
          200,
          previewPage(args.frame, { slug, username, output, viewer: viewer.username, usernames }),
        );
      } catch (error) {
        if (error instanceof MintError)
          return sendPage(
            args,
            404,
            messagePage(args.frame, 'Not found', error.message, viewer.username),
          );
        if (error instanceof MappingError)
          return sendPage(
            args,
            500,
            messagePage(args.frame, 'Attribute mapping failed', error.message, viewer.username),
          );
        throw error;
      }
    },
  },
  {
    method: 'GET',
    path: /^\/applications\/new$/,
    handle: (args) => {
      const viewer = requireAdmin(args);
      if (viewer) sendPage(args, 200, newAppPage(args.frame, { viewer: viewer.username }));
    },
  },
  {
    // IAM Identity Center flow: the SP metadata names the ACS URL and the audience (entity ID).
    method: 'POST',
    path: /^\/applications$/,
    handle: (args) => {
      const viewer = requireAdmin(args);
      if (!viewer) return;
      const form = args.form;
      const slug = (form.get('slug') ?? '').trim();
      const metadata = form.get('metadata') ?? '';
      try {
        if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug))
          throw new XmlInputError(`slug "${slug}" must be lower-case letters, digits and dashes`);
        const sp = parseSpMetadata(metadata);
        args.context.minter.addApplication({
          slug,
          label: slug,
          acsUrl: sp.acsUrl,
          audience: sp.entityId,
          nameIdFormat: 'emailAddress',
          assertionValidSeconds: 300,
          sign: 'assertion',
          mappings: [],
          groups: [],
        });
      } catch (error) {
        if (!(error instanceof XmlInputError || error instanceof MintError)) throw error;
        return sendPage(
          args,
          400,
          newAppPage(args.frame, { viewer: viewer.username, error: error.message, slug, metadata }),
        );
      }
      redirect(args.response, '/apps');
    },
  },
];
