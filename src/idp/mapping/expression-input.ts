import type { IdpApplication, IdpConfig, IdpUser } from '../config/types.ts';
import type { ExpressionInput } from './expressions.ts';

/** The user's groups' attributes merged: groups sorted by name, later groups overriding earlier. */
export function mergedGroupAttributes(config: IdpConfig, user: IdpUser): Record<string, unknown> {
  const groups = config.groups
    .filter((g) => user.groups.includes(g.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return Object.assign({}, ...groups.map((g) => g.attributes)) as Record<string, unknown>;
}

export function expressionInput(
  config: IdpConfig,
  user: IdpUser,
  app: IdpApplication,
): ExpressionInput {
  return {
    user: {
      username: user.username,
      name: user.name,
      email: user.email,
      photo: user.photo ?? '',
      groups: [...user.groups],
      attributes: user.attributes,
      groupAttributes: mergedGroupAttributes(config, user),
    },
    application: { slug: app.slug, label: app.label, acsUrl: app.acsUrl, audience: app.audience },
  };
}

/** Whether the user may see and use the application. */
export function canUse(user: IdpUser, app: IdpApplication): boolean {
  return app.groups.length === 0 || app.groups.some((g) => user.groups.includes(g));
}
