// The stand-in's IAM: each role's trust policy evaluated by the core's evaluator (the one
// `inspect --trust-policy` explains with) on the stand-in's own reading of the assertion. Each
// policy from issue 11's list denies with its reason, in STS and on the sign-in page alike.
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSigningKeys, type SigningKeys } from '../../src/idp/crypto/keystore.ts';
import { buildIdpMetadata } from '../../src/idp/saml/metadata.ts';
import { createStandInHandler } from '../../src/idp/standin/handler.ts';
import { judgeTrustWithIam } from '../../src/idp/standin/roles/iam-trust.ts';
import type { TrustPolicy } from '../../src/idp/standin/roles/default-trust-policy.ts';
import type { FixtureOptions } from '../support/saml-fixture.ts';
import { compact } from './helpers.ts';
import { elementText, signedResponse, signInRequest, stsRequest } from './standin-requests.ts';

const ISSUER = 'https://idp.example.com/metadata';
const ROLE = 'arn:aws:iam::123456789012:role/Admin';
const PROVIDER = 'arn:aws:iam::123456789012:saml-provider/MyIdP';
const NOW = Date.parse('2026-01-01T00:10:00Z');
const ATTR = 'https://aws.amazon.com/SAML/Attributes/';
let keys: SigningKeys;
let metadata: string;

beforeAll(async () => {
  keys = await resolveSigningKeys({});
  metadata = buildIdpMetadata({
    entityId: ISSUER,
    ssoUrl: `${ISSUER}/sso`,
    certBase64: keys.certBase64,
  });
});

function signed(options: FixtureOptions = {}): string {
  return signedResponse(keys, options);
}

const allow = (
  extra: Record<string, unknown> = {},
  action: string | string[] = 'sts:AssumeRoleWithSAML',
) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'SignIn',
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      Action: action,
      ...extra,
    },
  ],
});

function handler(trustPolicy: TrustPolicy) {
  return createStandInHandler({
    trustedIdpMetadata: [metadata],
    now: () => NOW,
    roles: [{ arn: ROLE, trustPolicy }],
    judgeTrust: judgeTrustWithIam,
  });
}

function sts(trustPolicy: TrustPolicy, SAMLAssertion: string) {
  return handler(trustPolicy)(stsRequest({ RoleArn: ROLE, PrincipalArn: PROVIDER, SAMLAssertion }));
}

function signIn(trustPolicy: TrustPolicy, SAMLResponse: string) {
  return handler(trustPolicy)(signInRequest(SAMLResponse));
}

const element = elementText;

const TAGGED: FixtureOptions = {
  extraAttributes: [{ name: `${ATTR}PrincipalTag:team`, values: ['data'] }],
};

const DENIALS: [string, TrustPolicy, FixtureOptions, RegExp][] = [
  [
    'SAML:aud',
    allow({
      Condition: { StringEquals: { 'SAML:aud': 'https://us-east-2.signin.aws.amazon.com/saml' } },
    }),
    {},
    /"SignIn".*StringEquals SAML:aud.*https:\/\/us-east-2\.signin\.aws\.amazon\.com\/saml.*"https:\/\/signin\.aws\.amazon\.com\/saml"/,
  ],
  [
    'a saml:sub pattern',
    allow({ Condition: { StringLike: { 'saml:sub': '*@example.com' } } }),
    { nameId: 'alice' },
    /"SignIn".*StringLike saml:sub.*\*@example\.com.*"alice"/,
  ],
  [
    'a session tag (aws:RequestTag)',
    allow({ Condition: { StringEquals: { 'aws:RequestTag/team': 'platform' } } }, [
      'sts:AssumeRoleWithSAML',
      'sts:TagSession',
    ]),
    TAGGED,
    /"SignIn".*StringEquals aws:RequestTag\/team.*platform.*"data"/,
  ],
  [
    'a missing SourceIdentity',
    allow({ Condition: { Null: { 'sts:SourceIdentity': 'false' } } }),
    {},
    /"SignIn".*Null sts:SourceIdentity/,
  ],
];

describe("the stand-in's trust policies", () => {
  it.each(DENIALS)(
    'STS refuses by %s with AccessDenied and the failing condition',
    (_, policy, fixture, reason) => {
      const answer = sts(policy, signed(fixture));
      expect(answer.status).toBe(403);
      expect(element(answer.body, 'Code')).toBe('AccessDenied');
      const message = element(answer.body, 'Message') ?? '';
      expect(message).toMatch(
        /^Not authorized to perform sts:AssumeRoleWithSAML: the trust policy of arn:aws:iam::123456789012:role\/Admin refuses it: /,
      );
      expect(message.replaceAll('&quot;', '"')).toMatch(reason);
    },
  );

  it.each(DENIALS)(
    'the sign-in page refuses by %s, the condition as the stand-in detail',
    (_, policy, fixture, reason) => {
      const page = signIn(policy, signed(fixture));
      expect(page.status).toBe(400);
      const text = compact(page.body).replaceAll('&quot;', '"').replaceAll('&#34;', '"');
      expect(text).toContain('Stand-in detail: Not authorized to perform sts:AssumeRoleWithSAML');
      expect(text).toMatch(reason);
    },
  );

  it('admits what each policy allows once the assertion gives it', () => {
    const cases: [TrustPolicy, FixtureOptions][] = [
      [
        allow({
          Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
        }),
        {},
      ],
      [
        allow({ Condition: { StringLike: { 'saml:sub': '*@example.com' } } }),
        { nameId: 'alice@example.com' },
      ],
      [
        allow({ Condition: { StringEquals: { 'aws:RequestTag/team': 'data' } } }, [
          'sts:AssumeRoleWithSAML',
          'sts:TagSession',
        ]),
        TAGGED,
      ],
      [
        allow({ Condition: { Null: { 'sts:SourceIdentity': 'false' } } }, [
          'sts:AssumeRoleWithSAML',
          'sts:SetSourceIdentity',
        ]),
        { extraAttributes: [{ name: `${ATTR}SourceIdentity`, values: ['alice'] }] },
      ],
    ];
    for (const [policy, fixture] of cases) expect(sts(policy, signed(fixture)).status).toBe(200);
  });

  it('refuses session tags when the policy does not allow sts:TagSession, as STS does', () => {
    const answer = sts(allow(), signed(TAGGED));
    expect(answer.status).toBe(403);
    expect(element(answer.body, 'Message')).toContain('sts:TagSession');
  });
});
