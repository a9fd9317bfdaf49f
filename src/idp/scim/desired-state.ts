import type { IdpApplication, IdpConfig, IdpUser } from '../config/types.ts';
import { CompiledApplication, MappingError } from '../mapping/evaluate.ts';
import { canUse } from '../mapping/expression-input.ts';
import type { DesiredGroup, DesiredUser } from './schemas.ts';
import { ScimUserMapper } from './user-resource.ts';

/** What one application's SCIM server should hold, and how this IdP recognises its own resources. */
export interface DesiredState {
  users: DesiredUser[];
  groups: DesiredGroup[];
  /** Every user this IdP provisions for the app has an externalId starting so; nothing else is ours. */
  userExternalIdPrefix: string;
  groupExternalIdPrefix: string;
}

/** The users and groups the config says the application's SCIM server should have. */
export function desiredState(config: IdpConfig, app: IdpApplication): DesiredState {
  const scim = app.scim;
  if (!scim) throw new MappingError(`${config.source}: application ${app.slug} has no scim block`);
  const userExternalIdPrefix = `saml-roles:${app.slug}:user:`;
  const groupExternalIdPrefix = `saml-roles:${app.slug}:group:`;
  const provisioned = config.users.filter((user) =>
    scim.userGroups.length > 0
      ? scim.userGroups.some((g) => user.groups.includes(g))
      : canUse(user, app),
  );
  const mapper = new ScimUserMapper(config, app);
  const saml = new CompiledApplication(config, app);
  const users = provisioned.map((user): DesiredUser => {
    const externalId = `${userExternalIdPrefix}${user.username}`;
    const resource = mapper.resource(user, defaultUserName(saml, user), externalId);
    const userName = resource.userName;
    if (typeof userName !== 'string' || userName.trim() === '')
      throw new MappingError(
        `${config.source}: application ${app.slug}, scim mapping userName: must be a non-empty string (user ${user.username})`,
      );
    return { username: user.username, userName, externalId, resource };
  });
  rejectSharedUserNames(config, app, users);
  const groupNames =
    scim.groups.length > 0
      ? scim.groups
      : app.groups.length > 0
        ? app.groups
        : config.groups.map((g) => g.name);
  const groups = groupNames.map((name): DesiredGroup => ({
    displayName: name,
    externalId: `${groupExternalIdPrefix}${name}`,
    memberUserNames: users
      .filter((u) => provisioned.find((p) => p.username === u.username)!.groups.includes(name))
      .map((u) => u.userName),
  }));
  return { users, groups, userExternalIdPrefix, groupExternalIdPrefix };
}

/**
 * The NameID the application sends for the user: Identity Center signs in the user whose
 * userName equals it, so provisioning under any other name would leave sign-in refused.
 * A transient NameID changes per sign-in, so the username stands in.
 */
function defaultUserName(saml: CompiledApplication, user: IdpUser): string {
  return saml.app.nameIdFormat === 'transient' && saml.app.nameId === undefined
    ? user.username
    : saml.map(user).nameId;
}

function rejectSharedUserNames(config: IdpConfig, app: IdpApplication, users: DesiredUser[]): void {
  const seen = new Map<string, string>();
  for (const user of users) {
    const other = seen.get(user.userName);
    if (other !== undefined)
      throw new MappingError(
        `${config.source}: application ${app.slug}, scim: users ${other} and ${user.username} both get userName "${user.userName}"`,
      );
    seen.set(user.userName, user.username);
  }
}
