// What the stand-in's STS answers about the assertion (AssumeRoleWithSAML's response elements),
// and the one seam where a trust policy decides.
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSigningKeys, type SigningKeys } from '../../src/idp/crypto/keystore.ts';
import { buildIdpMetadata } from '../../src/idp/saml/metadata.ts';
import { createStandInHandler } from '../../src/idp/standin/handler.ts';
import { nameQualifier } from '../../src/core/policy.ts';
import type { JudgeTrust } from '../../src/idp/standin/roles/judge-trust.ts';
import { subjectType } from '../../src/idp/standin/routes/sts.ts';
import type { FixtureOptions } from '../support/saml-fixture.ts';
import { compact } from './helpers.ts';
import { elementText, signedResponse, signInRequest, stsRequest } from './standin-requests.ts';

const ISSUER = 'https://idp.example.com/metadata';
const ROLE = 'arn:aws:iam::123456789012:role/Admin';
const PROVIDER = 'arn:aws:iam::123456789012:saml-provider/MyIdP';
const NOW = Date.parse('2026-01-01T00:10:00Z');
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

function signed(
  options: FixtureOptions = {},
  edit: (xml: string) => string = (xml) => xml,
): string {
  return signedResponse(keys, options, edit);
}

function sts(SAMLAssertion: string, judgeTrust?: JudgeTrust) {
  return createStandInHandler({
    trustedIdpMetadata: [metadata],
    now: () => NOW,
    ...(judgeTrust ? { judgeTrust } : {}),
  })(stsRequest({ RoleArn: ROLE, PrincipalArn: PROVIDER, SAMLAssertion }));
}

const element = elementText;

describe("the stand-in STS's answer about the assertion", () => {
  it("computes the reference's NameQualifier example", () => {
    // BASE64(SHA1("https://example.com/saml" + "123456789012" + "/MySAMLIdP")), worked out with
    // `printf %s https://example.com/saml123456789012/MySAMLIdP | openssl dgst -sha1 -binary | base64`.
    expect(nameQualifier('https://example.com/saml', '123456789012', 'MySAMLIdP')).toBe(
      '1uAJanUnBc2XeUkHURMht+xam2c=',
    );
  });

  it('returns Subject, SubjectType, Issuer, Audience, NameQualifier and SourceIdentity', () => {
    const answer = sts(
      signed({
        nameId: 'alice@example.com',
        extraAttributes: [
          { name: 'https://aws.amazon.com/SAML/Attributes/SourceIdentity', values: ['alice'] },
        ],
      }),
    );
    expect(answer.status).toBe(200);
    const body = compact(answer.body);
    expect(element(body, 'Subject')).toBe('alice@example.com');
    expect(element(body, 'SubjectType')).toBe('persistent');
    expect(element(body, 'Issuer')).toBe(ISSUER);
    // STS documents Audience as the SubjectConfirmationData Recipient.
    expect(element(body, 'Audience')).toBe('https://signin.aws.amazon.com/saml');
    expect(element(body, 'NameQualifier')).toBe(nameQualifier(ISSUER, '123456789012', 'MyIdP'));
    expect(element(body, 'SourceIdentity')).toBe('alice');
    // In the order of the reference's example response.
    const order = [...body.matchAll(/<(\w+)>/g)].map((m) => m[1]);
    const fields = [
      'Issuer',
      'AssumedRoleUser',
      'Credentials',
      'Audience',
      'SubjectType',
      'NameQualifier',
      'SourceIdentity',
      'Subject',
    ];
    expect(order.filter((name) => fields.includes(name!))).toEqual(fields);
  });

  it('leaves SourceIdentity out when the assertion sends none', () => {
    expect(sts(signed()).body).not.toContain('SourceIdentity');
  });

  it.each([
    ['urn:oasis:names:tc:SAML:2.0:nameid-format:transient', 'transient'],
    ['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent', 'persistent'],
    // Another prefix is returned whole, as the reference says.
    [
      'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    ],
    [undefined, 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'],
  ])('gives SubjectType for format %s as %s', (format, expected) => {
    expect(subjectType(format)).toBe(expected);
    const answer = sts(
      signed({}, (xml) =>
        xml.replace(
          / Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"/,
          format ? ` Format="${format}"` : '',
        ),
      ),
    );
    expect(element(answer.body, 'SubjectType')).toBe(expected);
  });
});

function signIn(SAMLResponse: string, judgeTrust: JudgeTrust) {
  return createStandInHandler({ trustedIdpMetadata: [metadata], now: () => NOW, judgeTrust })(
    signInRequest(SAMLResponse),
  );
}

describe('the trust policy seam', () => {
  it('refuses a denied role on the sign-in page too, with the reason as the stand-in detail', () => {
    const page = signIn(signed(), () => ({ allowed: false, reason: 'Statement[0] denies' }));
    expect(page.status).toBe(400);
    expect(compact(page.body)).toContain(
      'Stand-in detail: Not authorized to perform sts:AssumeRoleWithSAML: Statement[0] denies',
    );
  });

  it("hands the evaluator the role's default trust policy and the verified assertion", () => {
    const seen: unknown[] = [];
    const answer = sts(signed(), (role, request) => {
      seen.push(role, request.role.providerArn, request.session.sessionName, request.idp.entityId);
      return { allowed: true, reason: 'ok' };
    });
    expect(answer.status).toBe(200);
    expect(seen).toEqual([
      {
        arn: ROLE,
        maxSessionDuration: 3600,
        trustPolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: PROVIDER },
              Action: 'sts:AssumeRoleWithSAML',
              Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
            },
          ],
        },
      },
      PROVIDER,
      'alice@example.com',
      ISSUER,
    ]);
  });

  it("refuses a denial with AWS's AccessDenied wording, the reason after it", () => {
    const answer = sts(signed(), () => ({
      allowed: false,
      reason: 'Statement[0] Condition StringEquals SAML:aud saw "urn:amazon:webservices"',
    }));
    expect(answer.status).toBe(403);
    expect(element(answer.body, 'Code')).toBe('AccessDenied');
    expect(element(answer.body, 'Message')).toBe(
      'Not authorized to perform sts:AssumeRoleWithSAML: Statement[0] Condition StringEquals SAML:aud saw "urn:amazon:webservices"',
    );
  });
});
