import { acsUrlProblem } from '../saml/acs-url.ts';
import { configProblem } from './errors.ts';
import { FieldReader } from './fields.ts';
import { readScimSettings } from './scim.ts';
import type {
  AttributeData,
  AttributeMapping,
  IdpApplication,
  IdpConfig,
  IdpGroup,
  IdpUser,
  NameIdFormat,
  SignMode,
} from './types.ts';

const TOP_KEYS = ['issuer', 'users', 'groups', 'applications'] as const;
const USER_KEYS = [
  'username',
  'name',
  'email',
  'password',
  'groups',
  'attributes',
  'admin',
  'photo',
] as const;
const GROUP_KEYS = ['name', 'attributes'] as const;
const APP_KEYS = [
  'slug',
  'label',
  'acsUrl',
  'audience',
  'spMetadata',
  'nameIdFormat',
  'nameId',
  'assertionValidSeconds',
  'sign',
  'mappings',
  'relayState',
  'groups',
  'scim',
] as const;
const MAPPING_KEYS = ['name', 'friendlyName', 'value', 'expression'] as const;
const NAME_ID_FORMATS: readonly NameIdFormat[] = [
  'persistent',
  'transient',
  'emailAddress',
  'unspecified',
];
const SIGN_MODES: readonly SignMode[] = ['assertion', 'response', 'both'];
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Reads SP metadata (inline XML or a file path) into the ACS URL and audience it names. */
export type SpMetadataReader = (
  reference: string,
  entry: string,
) => { acsUrl: string; audience: string };

/** Turns parsed YAML into a typed configuration, or throws naming the file, entry and problem. */
export function validateConfig(
  data: unknown,
  source: string,
  readSpMetadata: SpMetadataReader,
): IdpConfig {
  const top = FieldReader.object(source, '', data ?? {}, TOP_KEYS);
  const groups = top.list('groups', false).map((item, i) => readGroup(source, item, i));
  const users = top.list('users', true).map((item, i) => readUser(source, item, i));
  const applications = top
    .list('applications', true)
    .map((item, i) => readApplication(source, item, i, readSpMetadata));
  if (users.length === 0) throw configProblem(source, 'users', 'at least one user is required');
  rejectDuplicates(
    source,
    'users',
    users.map((u) => u.username),
  );
  rejectDuplicates(
    source,
    'groups',
    groups.map((g) => g.name),
  );
  rejectDuplicates(
    source,
    'applications',
    applications.map((a) => a.slug),
  );
  const known = new Set(groups.map((g) => g.name));
  users.forEach((user, i) => {
    const unknown = user.groups.find((g) => !known.has(g));
    if (unknown)
      throw configProblem(
        source,
        `users[${i}] (${user.username})`,
        `group "${unknown}" is not defined under groups`,
      );
  });
  applications.forEach((app, i) => {
    const lists: [string, string[]][] = [
      ['', app.groups],
      [' scim userGroups', app.scim?.userGroups ?? []],
      [' scim groups', app.scim?.groups ?? []],
    ];
    for (const [where, names] of lists) {
      const unknown = names.find((g) => !known.has(g));
      if (unknown)
        throw configProblem(
          source,
          `applications[${i}] (${app.slug})${where}`,
          `group "${unknown}" is not defined under groups`,
        );
    }
  });
  const issuer = top.optionalString('issuer');
  return { ...(issuer ? { issuer } : {}), users, groups, applications, source };
}

function readUser(source: string, item: unknown, index: number): IdpUser {
  const peek =
    typeof (item as { username?: unknown })?.username === 'string'
      ? ` (${(item as { username: string }).username})`
      : '';
  const r = FieldReader.object(source, `users[${index}]${peek}`, item, USER_KEYS);
  const groups = r.stringList('groups');
  const photo = r.optionalString('photo');
  if (photo !== undefined && !/^https?:\/\/[^\s]+$/.test(photo))
    throw r.fail(`"photo" must be an http(s) URL of an image, found "${photo.slice(0, 60)}"`);
  return {
    username: r.string('username'),
    name: r.optionalString('name') ?? r.string('username'),
    email: r.optionalString('email') ?? '',
    password: r.string('password'),
    groups,
    attributes: r.dataObject<AttributeData>('attributes'),
    admin: r.boolean('admin', groups.includes('admins')),
    ...(photo !== undefined ? { photo } : {}),
  };
}

function readGroup(source: string, item: unknown, index: number): IdpGroup {
  const peek =
    typeof (item as { name?: unknown })?.name === 'string'
      ? ` (${(item as { name: string }).name})`
      : '';
  const r = FieldReader.object(source, `groups[${index}]${peek}`, item, GROUP_KEYS);
  return { name: r.string('name'), attributes: r.dataObject<AttributeData>('attributes') };
}

function readApplication(
  source: string,
  item: unknown,
  index: number,
  readSpMetadata: SpMetadataReader,
): IdpApplication {
  const peek =
    typeof (item as { slug?: unknown })?.slug === 'string'
      ? ` (${(item as { slug: string }).slug})`
      : '';
  const entry = `applications[${index}]${peek}`;
  const r = FieldReader.object(source, entry, item, APP_KEYS);
  const slug = r.string('slug');
  if (!SLUG.test(slug))
    throw r.fail(`slug "${slug}" must be lower-case letters, digits and dashes`);
  const fromMetadata = r.has('spMetadata')
    ? readSpMetadata(r.string('spMetadata'), entry)
    : undefined;
  if (fromMetadata && (r.has('acsUrl') || r.has('audience'))) {
    throw r.fail(
      'give either spMetadata or acsUrl/audience, not both (the metadata names the ACS URL and audience)',
    );
  }
  const acsUrl = fromMetadata?.acsUrl ?? r.string('acsUrl');
  const acsProblem = acsUrlProblem(acsUrl);
  if (acsProblem) throw r.fail(acsProblem);
  const relayState = r.optionalString('relayState');
  const nameId = r.optionalString('nameId');
  return {
    slug,
    label: r.optionalString('label') ?? slug,
    acsUrl,
    audience: fromMetadata?.audience ?? r.string('audience'),
    nameIdFormat: r.oneOf(
      'nameIdFormat',
      NAME_ID_FORMATS,
      fromMetadata ? 'emailAddress' : 'persistent',
    ),
    ...(nameId ? { nameId } : {}),
    assertionValidSeconds: r.positiveInteger('assertionValidSeconds', 300),
    sign: r.oneOf('sign', SIGN_MODES, 'assertion'),
    mappings: r
      .list('mappings', false)
      .map((m, i) => readMapping(source, `${entry} mappings[${i}]`, m)),
    ...(relayState ? { relayState } : {}),
    groups: r.stringList('groups'),
    ...(r.has('scim') ? { scim: readScimSettings(source, entry, r.raw('scim')) } : {}),
  };
}

function readMapping(source: string, entry: string, item: unknown): AttributeMapping {
  const peek =
    typeof (item as { name?: unknown })?.name === 'string'
      ? ` (${(item as { name: string }).name})`
      : '';
  const r = FieldReader.object(source, `${entry}${peek}`, item, MAPPING_KEYS);
  const name = r.string('name');
  const friendlyName = r.optionalString('friendlyName');
  if (r.has('value') === r.has('expression'))
    throw r.fail('give exactly one of "value" or "expression"');
  if (r.has('expression'))
    return { name, ...(friendlyName ? { friendlyName } : {}), expression: r.string('expression') };
  const value = r.raw('value');
  if (typeof value === 'number' || typeof value === 'boolean')
    return { name, ...(friendlyName ? { friendlyName } : {}), value: String(value) };
  if (typeof value === 'string') return { name, ...(friendlyName ? { friendlyName } : {}), value };
  return { name, ...(friendlyName ? { friendlyName } : {}), value: r.stringList('value') };
}

function rejectDuplicates(source: string, entry: string, names: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw configProblem(source, entry, `"${name}" appears more than once`);
    seen.add(name);
  }
}
