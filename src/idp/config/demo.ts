import { compileAndCheck } from './check.ts';
import type { IdpConfig } from './types.ts';
import { validateConfig } from './validate.ts';
import { parseSpMetadata } from '../saml/sp-metadata.ts';

export interface DemoOptions {
  /** How many roles the `many` user gets (spread over 10 accounts), for long role-list tests. */
  manyRoles?: number;
  /**
   * The second SCIM variant: the Identity Center application's scim block removes `photos`, as
   * the authentik guide's override does. Without it the default mapping sends alice's photo and
   * Identity Center (or its stand-in) refuses her: the demo shows the failure and the fix.
   */
  scimPhotosRemoved?: boolean;
}

/** Where the demo provisions: the stand-in's Identity Center SCIM API (`saml-roles standin --scim`). */
export const DEMO_SCIM_URL = 'https://127.0.0.1:8443/scim/v2';
/** The stand-in reads its SCIM token from this variable too, so one export serves both sides. */
export const DEMO_SCIM_TOKEN_ENV = 'SAML_ROLES_STANDIN_SCIM_TOKEN';

const ROLE = 'https://aws.amazon.com/SAML/Attributes/Role';
const SESSION_NAME = 'https://aws.amazon.com/SAML/Attributes/RoleSessionName';
const SESSION_DURATION = 'https://aws.amazon.com/SAML/Attributes/SessionDuration';

/** What IAM Identity Center offers as its SP metadata (the IdP-initiated/SP-initiated app). */
export const DEMO_IDENTITY_CENTER_METADATA = `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://us-east-1.signin.aws.amazon.com/platform/saml/d-9067c0ffee">
  <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://us-east-1.signin.aws.amazon.com/platform/saml/acs/6f1e3c0a-8e0b-4b8e-9a1f-2c3d4e5f6a7b" index="0" isDefault="true"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>
`;

// One expression serves several users: a generated list, a list of pairs, or one pair from a
// group attribute (authentik's and Auth0's AWS guides use these shapes).
const AWS_ROLE_EXPRESSION = `const attrs = user.groupAttributes();
if (attrs.aws_role_count) {
  return Array.from({ length: Number(attrs.aws_role_count) }, (_, i) => {
    const account = String(210000000000 + (i % 10));
    const role = 'generated-' + String(i + 1).padStart(4, '0');
    return \`arn:aws:iam::\${account}:role/\${role},arn:aws:iam::\${account}:saml-provider/local\`;
  });
}
if (Array.isArray(attrs.aws_roles)) return attrs.aws_roles;
if (attrs.aws_role) return \`arn:aws:iam::123412341234:role/\${attrs.aws_role},arn:aws:iam::123412341234:saml-provider/local\`;
return null;
`;

/** The demo configuration as plain data, exactly what `demo/idp.yaml` holds. */
export function demoConfigData(options: DemoOptions = {}): Record<string, unknown> {
  const user = (
    username: string,
    name: string,
    groups: string[],
    attributes: Record<string, unknown> = {},
    photo?: string,
  ) => ({
    username,
    name,
    email: `${username}@example.com`,
    password: 'demo',
    groups,
    attributes,
    ...(photo ? { photo } : {}),
  });
  return {
    users: [
      user(
        'alice',
        'Alice Example',
        ['developers', 'admins'],
        {},
        'https://example.com/avatars/alice.png',
      ),
      user('bob', 'Bob Builder', ['platform']),
      user('carol', 'Carol Analyst', ['analysts']),
      user('dave', 'Dave Gov', ['gov']),
      user('erin', 'Erin Sso', ['sso-users'], { department: 'engineering' }),
      user('many', 'Many Roles', ['many-roles']),
    ],
    groups: [
      { name: 'admins', attributes: {} },
      { name: 'developers', attributes: { aws_role: 'developer' } },
      {
        name: 'platform',
        attributes: {
          aws_roles: [
            'arn:aws:iam::111111111111:role/Admin,arn:aws:iam::111111111111:saml-provider/local',
            'arn:aws:iam::111111111111:role/team/ReadOnly,arn:aws:iam::111111111111:saml-provider/local',
            'arn:aws:iam::222222222222:saml-provider/local,arn:aws:iam::222222222222:role/Deployer',
            'arn:aws:iam::222222222222:role/ReadOnly,arn:aws:iam::222222222222:saml-provider/local',
            'arn:aws:iam::333333333333:saml-provider/local,arn:aws:iam::333333333333:role/BillingViewer',
          ],
        },
      },
      { name: 'analysts', attributes: {} },
      { name: 'gov', attributes: { aws_role: 'GovOperator' } },
      { name: 'sso-users', attributes: {} },
      { name: 'many-roles', attributes: { aws_role_count: options.manyRoles ?? 40 } },
    ],
    applications: [
      {
        slug: 'aws',
        label: 'AWS (IAM SAML)',
        acsUrl: 'https://signin.aws.amazon.com/saml',
        audience: 'urn:amazon:webservices',
        nameIdFormat: 'persistent',
        nameId: 'return user.username',
        assertionValidSeconds: 300,
        sign: 'assertion',
        groups: ['developers', 'platform', 'many-roles'],
        mappings: [
          { name: ROLE, expression: AWS_ROLE_EXPRESSION },
          { name: SESSION_NAME, expression: 'return user.username' },
          { name: SESSION_DURATION, value: '3600' },
        ],
      },
      {
        slug: 'aws-us-east-2',
        label: 'AWS (regional sign-in, us-east-2)',
        acsUrl: 'https://us-east-2.signin.aws.amazon.com/saml',
        audience: 'urn:amazon:webservices',
        nameIdFormat: 'emailAddress',
        sign: 'both',
        groups: ['analysts'],
        mappings: [
          {
            name: ROLE,
            value:
              'arn:aws:iam::444455556666:role/Analyst,arn:aws:iam::444455556666:saml-provider/local',
          },
          { name: SESSION_NAME, expression: 'return user.email' },
          { name: SESSION_DURATION, value: '28800' },
        ],
      },
      {
        slug: 'aws-govcloud',
        label: 'AWS GovCloud (US)',
        acsUrl: 'https://signin.amazonaws-us-gov.com/saml',
        audience: 'urn:amazon:webservices:govcloud',
        nameIdFormat: 'persistent',
        sign: 'response',
        groups: ['gov'],
        mappings: [
          {
            name: ROLE,
            expression:
              'const role = user.groupAttributes().aws_role;\nreturn role && `arn:aws-us-gov:iam::555566667777:role/${role},arn:aws-us-gov:iam::555566667777:saml-provider/local`;',
          },
          { name: SESSION_NAME, expression: 'return user.username' },
        ],
      },
      {
        slug: 'aws-identity-center',
        label: 'AWS IAM Identity Center',
        spMetadata: DEMO_IDENTITY_CENTER_METADATA,
        nameIdFormat: 'emailAddress',
        sign: 'assertion',
        groups: ['sso-users', 'admins'],
        mappings: [
          {
            name: 'https://aws.amazon.com/SAML/Attributes/AccessControl:Department',
            expression: 'return user.attributes.department',
          },
        ],
        scim: {
          url: DEMO_SCIM_URL,
          tokenEnv: DEMO_SCIM_TOKEN_ENV,
          ...(options.scimPhotosRemoved ? { mappings: [{ name: 'photos', value: null }] } : {}),
        },
      },
    ],
  };
}

/** The built-in demo configuration, checked like any file (see `demo/idp.yaml`). */
export function demoConfig(options: DemoOptions = {}): IdpConfig {
  const config = validateConfig(demoConfigData(options), '<demo>', (reference) => {
    const metadata = parseSpMetadata(reference);
    return { acsUrl: metadata.acsUrl, audience: metadata.entityId };
  });
  compileAndCheck(config);
  return config;
}

export const DEMO_CONFIG: IdpConfig = demoConfig();
