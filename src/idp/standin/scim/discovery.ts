// RFC 7643 §5-7's discovery resources, saying what this server (like Identity Center) supports.
import { GROUP_SCHEMA } from './group-resource.ts';
import { MAX_PAGE } from './list-response.ts';
import { ENTERPRISE_SCHEMA, OPTIONAL_USER_STRINGS, USER_SCHEMA } from './user-resource.ts';

const SPC_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

export function serviceProviderConfig(base: string) {
  return {
    schemas: [SPC_SCHEMA],
    documentationUri:
      'https://docs.aws.amazon.com/singlesignon/latest/developerguide/what-is-scim.html',
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 1, maxPayloadSize: 1_048_576 },
    filter: { supported: true, maxResults: MAX_PAGE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authentication scheme using the OAuth Bearer Token Standard',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}

export function resourceTypes(base: string) {
  return [
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'User Account',
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE_SCHEMA, required: false }],
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'Group',
      schema: GROUP_SCHEMA,
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/Group` },
    },
  ];
}

type Attribute = {
  name: string;
  type: 'string' | 'boolean' | 'complex' | 'reference';
  multiValued: boolean;
  required: boolean;
  caseExact: boolean;
  mutability: 'readWrite' | 'readOnly' | 'immutable';
  returned: 'default' | 'always';
  uniqueness: 'none' | 'server';
  subAttributes?: Attribute[];
};

/** A readWrite attribute, with RFC 7643 §2.2's defaults unless told otherwise. */
function attribute(name: string, more: Partial<Attribute> = {}): Attribute {
  return {
    name,
    type: 'string',
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...more,
  };
}

const strings = (...names: string[]) => names.map((name) => attribute(name));
const oneOf = (name: string, subs: string[]) =>
  attribute(name, {
    type: 'complex',
    multiValued: true,
    subAttributes: [...strings(...subs), attribute('primary', { type: 'boolean' })],
  });

/** The attributes Identity Center supports (photos, ims, entitlements, x509Certificates, password absent). */
const USER_ATTRIBUTES: Attribute[] = [
  attribute('userName', { required: true, uniqueness: 'server' }),
  attribute('name', {
    type: 'complex',
    required: true,
    subAttributes: strings(
      'formatted',
      'familyName',
      'givenName',
      'middleName',
      'honorificPrefix',
      'honorificSuffix',
    ),
  }),
  attribute('displayName', { required: true }),
  ...strings(...OPTIONAL_USER_STRINGS),
  attribute('active', { type: 'boolean' }),
  oneOf('emails', ['value', 'type']),
  oneOf('phoneNumbers', ['value', 'type']),
  oneOf('addresses', [
    'formatted',
    'streetAddress',
    'locality',
    'region',
    'postalCode',
    'country',
    'type',
  ]),
  oneOf('roles', ['value', 'type']),
];

const GROUP_ATTRIBUTES: Attribute[] = [
  attribute('displayName', { required: true, uniqueness: 'server' }),
  attribute('members', {
    type: 'complex',
    multiValued: true,
    subAttributes: [attribute('value', { caseExact: true, mutability: 'immutable' })],
  }),
];

const ENTERPRISE_ATTRIBUTES: Attribute[] = [
  ...strings('employeeNumber', 'costCenter', 'organization', 'division', 'department'),
  attribute('manager', {
    type: 'complex',
    subAttributes: [attribute('value', { caseExact: true })],
  }),
];

export function schemas(base: string) {
  const schema = (id: string, name: string, description: string, attributes: Attribute[]) => ({
    schemas: [SCHEMA_SCHEMA],
    id,
    name,
    description,
    attributes,
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${id}` },
  });
  return [
    schema(USER_SCHEMA, 'User', 'User Account', USER_ATTRIBUTES),
    schema(GROUP_SCHEMA, 'Group', 'Group', GROUP_ATTRIBUTES),
    schema(ENTERPRISE_SCHEMA, 'EnterpriseUser', 'Enterprise User', ENTERPRISE_ATTRIBUTES),
  ];
}
