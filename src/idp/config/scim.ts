import { dirname, resolve } from 'node:path';
import { scimBaseUrl, scimUrlProblem } from '../scim/endpoint-url.ts';
import { FieldReader } from './fields.ts';
import type { AttributeData, ScimMapping, ScimSettings, ScimTokenSource } from './types.ts';

const SCIM_KEYS = ['url', 'tokenEnv', 'tokenFile', 'userGroups', 'groups', 'mappings'] as const;
const SCIM_MAPPING_KEYS = ['name', 'value', 'expression'] as const;
/** `photos`, `name.familyName`, or a whole extension schema (`urn:...:enterprise:2.0:User`). */
const ATTRIBUTE_PATH = /^(?:urn:[A-Za-z0-9:._-]+|[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)?)$/;
/** What the sync itself decides: who is ours (externalId), who is deactivated (active). */
const RESERVED = ['schemas', 'id', 'meta', 'externalId', 'active'];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads an application's `scim:` block strictly; `entry` names the application in errors. */
export function readScimSettings(source: string, entry: string, item: unknown): ScimSettings {
  const r = FieldReader.object(source, `${entry} scim`, item, SCIM_KEYS);
  const url = r.string('url');
  const problem = scimUrlProblem(url);
  if (problem) throw r.fail(problem);
  return {
    url: scimBaseUrl(url),
    token: readTokenSource(source, r),
    userGroups: r.stringList('userGroups'),
    groups: r.stringList('groups'),
    mappings: r
      .list('mappings', false)
      .map((m, i) => readScimMapping(source, `${r.entry} mappings[${i}]`, m)),
  };
}

function readTokenSource(source: string, r: FieldReader): ScimTokenSource {
  if (r.has('tokenEnv') === r.has('tokenFile'))
    throw r.fail(
      'give exactly one of "tokenEnv" (an environment variable) or "tokenFile" (a file holding the token); the token itself never goes in the config',
    );
  if (r.has('tokenFile')) {
    const file = r.string('tokenFile');
    // Relative to the config file, as spMetadata paths are; the demo has no file to be relative to.
    return { file: source.startsWith('<') ? resolve(file) : resolve(dirname(source), file) };
  }
  const env = r.string('tokenEnv');
  if (!ENV_NAME.test(env))
    throw r.fail(
      `"tokenEnv" must name an environment variable (letters, digits, _), found "${env.slice(0, 60)}"`,
    );
  return { env };
}

function readScimMapping(source: string, entry: string, item: unknown): ScimMapping {
  const peek =
    typeof (item as { name?: unknown })?.name === 'string'
      ? ` (${(item as { name: string }).name})`
      : '';
  const r = FieldReader.object(source, `${entry}${peek}`, item, SCIM_MAPPING_KEYS);
  const name = r.string('name');
  if (!ATTRIBUTE_PATH.test(name))
    throw r.fail(
      `"${name.slice(0, 60)}" is not a SCIM attribute: give an attribute (photos), one sub-attribute (name.familyName) or an extension URN`,
    );
  if (RESERVED.includes(name))
    throw r.fail(
      `"${name}" is set by the sync itself (externalId marks the users this IdP provisioned, active is how removed users are deactivated) and cannot be mapped`,
    );
  // `value: null` is a value (remove the attribute), so presence is what counts, not has().
  if (r.present('value') === r.has('expression'))
    throw r.fail('give exactly one of "value" (null removes the attribute) or "expression"');
  if (r.has('expression')) return { name, expression: r.string('expression') };
  return { name, value: r.raw('value') as AttributeData };
}
