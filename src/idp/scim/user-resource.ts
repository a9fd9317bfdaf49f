import type { IdpApplication, IdpConfig, IdpUser, ScimMapping } from '../config/types.ts';
import { expressionInput } from '../mapping/expression-input.ts';
import { CompiledExpression, ExpressionError } from '../mapping/expressions.ts';
import { MappingError } from '../mapping/evaluate.ts';
import { SCIM_SCHEMAS, type ScimResource } from './schemas.ts';

/**
 * The RFC 7643 User that authentik's default SCIM mapping sends: userName, name, displayName, the
 * primary email, active, and `photos` when the user has a photo URL (which Identity Center
 * refuses: the demo shows both the failure and the override that removes it).
 */
export function defaultUserResource(
  user: IdpUser,
  userName: string,
  externalId: string,
): ScimResource {
  // authentik splits at the first space; a one-word name leaves familyName out rather than empty.
  const space = user.name.indexOf(' ');
  const givenName = space < 0 ? user.name : user.name.slice(0, space);
  const familyName = space < 0 ? '' : user.name.slice(space + 1).trim();
  return {
    schemas: [SCIM_SCHEMAS.user],
    externalId,
    userName,
    name: { formatted: user.name, givenName, ...(familyName ? { familyName } : {}) },
    displayName: user.name,
    ...(user.email ? { emails: [{ value: user.email, type: 'work', primary: true }] } : {}),
    active: true,
    ...(user.photo ? { photos: [{ value: user.photo, type: 'photo' }] } : {}),
  };
}

interface CompiledScimMapping {
  mapping: ScimMapping;
  expression?: CompiledExpression;
}

/** An application's SCIM overrides compiled once, applied over the default resource per user. */
export class ScimUserMapper {
  private readonly mappings: CompiledScimMapping[];

  constructor(
    private readonly config: IdpConfig,
    private readonly app: IdpApplication,
  ) {
    this.mappings = (app.scim?.mappings ?? []).map((mapping) => {
      if (mapping.expression === undefined) return { mapping };
      try {
        return { mapping, expression: new CompiledExpression(mapping.expression, mapping.name) };
      } catch (error) {
        throw new MappingError(`${this.where(mapping.name)}: ${(error as Error).message}`);
      }
    });
  }

  /** The user's resource: the default, then each mapping in order; null removes the attribute. */
  resource(user: IdpUser, userName: string, externalId: string): ScimResource {
    const resource = defaultUserResource(user, userName, externalId);
    const input = expressionInput(this.config, user, this.app);
    for (const { mapping, expression } of this.mappings) {
      let value: unknown = mapping.value ?? null;
      if (expression) {
        try {
          value = expression.runData(input);
        } catch (error) {
          const reason = error instanceof ExpressionError ? error.message : String(error);
          throw new MappingError(`${this.where(mapping.name)}: ${reason} (user ${user.username})`);
        }
      }
      setAttribute(resource, mapping.name, value);
    }
    return resource;
  }

  private where(name: string): string {
    return `${this.config.source}: application ${this.app.slug}, scim mapping ${name}`;
  }
}

/** Sets `photos` or `name.familyName`; null removes it (and a parent left empty goes too). */
function setAttribute(resource: ScimResource, path: string, value: unknown): void {
  const dot = path.startsWith('urn:') ? -1 : path.indexOf('.');
  if (dot < 0) {
    if (value === null) delete resource[path];
    else resource[path] = value;
    return;
  }
  const parentName = path.slice(0, dot);
  const child = path.slice(dot + 1);
  const current = resource[parentName];
  const parent: Record<string, unknown> =
    typeof current === 'object' && current !== null && !Array.isArray(current)
      ? { ...(current as Record<string, unknown>) }
      : {};
  if (value === null) delete parent[child];
  else parent[child] = value;
  if (Object.keys(parent).length === 0) delete resource[parentName];
  else resource[parentName] = parent;
}
