import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONFIG, demoConfig } from '../../src/idp/config.ts';
import { resolveSigningKeys, type SigningKeys } from '../../src/idp/crypto/keystore.ts';
import { Minter } from '../../src/idp/mint.ts';
import { buildIdpMetadata } from '../../src/idp/saml/metadata.ts';
import { createStandInHandler } from '../../src/idp/standin/handler.ts';
import type { StandInRoleSpec } from '../../src/idp/standin/roles/judge-trust.ts';
import type { StandInResponse } from '../../src/idp/standin/types.ts';
import { compact } from './helpers.ts';

const ISSUER = 'http://127.0.0.1:7000';
let keys: SigningKeys;
let minter: Minter;
let metadata: string;

beforeAll(async () => {
  keys = await resolveSigningKeys({});
  minter = new Minter(demoConfig(), keys, ISSUER);
  metadata = buildIdpMetadata({
    entityId: ISSUER,
    ssoUrl: `${ISSUER}/sso`,
    certBase64: keys.certBase64,
  });
});

function handler(options: { now?: Date; roles?: StandInRoleSpec[]; trusted?: string[] } = {}) {
  return createStandInHandler({
    trustedIdpMetadata: options.trusted ?? [metadata],
    ...(options.now ? { now: () => options.now!.getTime() } : {}),
    ...(options.roles ? { roles: options.roles } : {}),
  });
}

function postSaml(
  form: Record<string, string>,
  options: Parameters<typeof handler>[0] & { host?: string } = {},
): StandInResponse {
  const answer = handler(options)({
    method: 'POST',
    path: '/saml',
    query: new URLSearchParams(),
    host: options.host ?? 'signin.aws.amazon.com',
    scheme: 'https',
    body: new URLSearchParams(form).toString(),
  });
  return { ...answer, body: compact(answer.body) };
}

function sts(
  form: Record<string, string>,
  options: Parameters<typeof handler>[0] = {},
): StandInResponse {
  const body = new URLSearchParams({
    Action: 'AssumeRoleWithSAML',
    Version: '2011-06-15',
    ...form,
  }).toString();
  return handler(options)({
    method: 'POST',
    path: '/',
    query: new URLSearchParams(),
    host: 'sts.amazonaws.com',
    scheme: 'https',
    body,
  });
}

const reason = (page: StandInResponse) => /Stand-in detail: ([^<]*)/.exec(page.body)?.[1] ?? '';
const base64 = (xml: string) => Buffer.from(xml).toString('base64');
const xmlOf = (samlResponse: string) => Buffer.from(samlResponse, 'base64').toString('utf8');

describe('the sign-in stand-in (POST /saml)', () => {
  it('signs a one-role user straight in', () => {
    const page = postSaml({
      SAMLResponse: minter.mint('alice', 'aws').samlResponse,
      RelayState: 'https://console.aws.amazon.com/s3',
    });
    expect(page.status).toBe(200);
    expect(page.body).toContain(
      '<code id="assumed-role-arn" data-testid="assumed-role-arn">arn:aws:sts::123412341234:assumed-role/developer/alice</code>',
    );
    expect(page.body).toContain('https://console.aws.amazon.com/s3');
  });

  it('offers a choice in AWS markup for several roles, then honours roleIndex', () => {
    const samlResponse = minter.mint('bob', 'aws').samlResponse;
    const page = postSaml({ SAMLResponse: samlResponse, RelayState: 'rs' });
    expect(page.status).toBe(200);
    expect(page.body).toContain(
      '<form id="saml_form" name="saml_form" action="/saml" method="post">',
    );
    expect(
      [...page.body.matchAll(/<div class="saml-account-name">Account: (\d{12})<\/div>/g)].map(
        (m) => m[1],
      ),
    ).toEqual(['111111111111', '222222222222', '333333333333']);
    expect([...page.body.matchAll(/name="roleIndex" value="([^"]+)"/g)].map((m) => m[1])).toContain(
      'arn:aws:iam::222222222222:role/Deployer',
    );
    expect(page.body).toContain(`name="SAMLResponse" value="${samlResponse}"`);
    const chosen = postSaml({
      SAMLResponse: samlResponse,
      RelayState: 'rs',
      roleIndex: 'arn:aws:iam::111111111111:role/team/ReadOnly',
    });
    expect(chosen.body).toContain('arn:aws:sts::111111111111:assumed-role/ReadOnly/bob');
  });

  it('refuses a roleIndex that is not in the response', () => {
    const page = postSaml({
      SAMLResponse: minter.mint('bob', 'aws').samlResponse,
      roleIndex: 'arn:aws:iam::444444444444:role/Other',
    });
    expect(page.status).toBe(400);
    expect(reason(page)).toContain(
      'roleIndex &quot;arn:aws:iam::444444444444:role/Other&quot; is not one of',
    );
  });

  it('accepts regional and GovCloud responses on their own hosts only', () => {
    expect(
      postSaml(
        { SAMLResponse: minter.mint('carol', 'aws-us-east-2').samlResponse },
        { host: 'us-east-2.signin.aws.amazon.com' },
      ).body,
    ).toContain('assumed-role/Analyst/carol@example.com');
    expect(
      postSaml(
        { SAMLResponse: minter.mint('dave', 'aws-govcloud').samlResponse },
        { host: 'signin.amazonaws-us-gov.com' },
      ).body,
    ).toContain('arn:aws-us-gov:sts::555566667777:assumed-role/GovOperator/dave');
    const wrongHost = postSaml({
      SAMLResponse: minter.mint('carol', 'aws-us-east-2').samlResponse,
    });
    expect(wrongHost.status).toBe(400);
    expect(reason(wrongHost)).toContain(
      'Recipient &quot;https://us-east-2.signin.aws.amazon.com/saml&quot; is not the URL this request reached',
    );
  });

  it('rejects a tampered response in AWS words', () => {
    const xml = xmlOf(minter.mint('alice', 'aws').samlResponse).replace(
      'role/developer',
      'role/admin',
    );
    const page = postSaml({ SAMLResponse: base64(xml) });
    expect(page.status).toBe(400);
    expect(page.body).toContain('Your request included an invalid SAML response. To logout, click');
    expect(reason(page)).toMatch(/signature/i);
  });

  it('rejects an expired response', () => {
    const later = new Date(Date.now() + 60 * 60 * 1000);
    const page = postSaml(
      { SAMLResponse: minter.mint('alice', 'aws').samlResponse },
      { now: later },
    );
    expect(page.status).toBe(400);
    expect(reason(page)).toMatch(/^Response has expired: Conditions NotOnOrAfter /);
  });

  it('rejects a wrong audience', () => {
    const config = demoConfig();
    config.applications.find((a) => a.slug === 'aws')!.audience = 'urn:example:not-aws';
    const page = postSaml({
      SAMLResponse: new Minter(config, keys, ISSUER).mint('alice', 'aws').samlResponse,
    });
    expect(page.status).toBe(400);
    expect(reason(page)).toBe(
      'no Audience is one AWS accepts in aws (urn:amazon:webservices, https://signin.aws.amazon.com/saml): sent &quot;urn:example:not-aws&quot;',
    );
  });

  it('rejects an unsigned response', () => {
    const xml = xmlOf(minter.mint('alice', 'aws').samlResponse).replace(
      /<ds:Signature[\s\S]*<\/ds:Signature>/,
      '',
    );
    const page = postSaml({ SAMLResponse: base64(xml) });
    expect(reason(page)).toBe(
      'Response signature invalid: neither the Response nor the Assertion is signed',
    );
  });

  it('rejects a response signed by a key that is not in the trusted metadata', async () => {
    const other = new Minter(DEMO_CONFIG, await resolveSigningKeys({}), ISSUER);
    expect(reason(postSaml({ SAMLResponse: other.mint('alice', 'aws').samlResponse }))).toMatch(
      /does not verify/,
    );
  });

  it('rejects an issuer it has no metadata for', () => {
    const stranger = new Minter(DEMO_CONFIG, keys, 'https://idp.example.com');
    expect(reason(postSaml({ SAMLResponse: stranger.mint('alice', 'aws').samlResponse }))).toBe(
      'Issuer not present in specified provider: the Issuer &quot;https://idp.example.com&quot; is not a trusted identity provider (no metadata for it was given)',
    );
  });

  it('rejects signature wrapping: a second, forged assertion beside the signed one', () => {
    const xml = xmlOf(minter.mint('alice', 'aws').samlResponse);
    const assertion = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(xml)![0];
    const forged = assertion
      .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')
      .replace(/ID="[^"]+"/, 'ID="_forged"')
      .replace('role/developer', 'role/admin');
    const page = postSaml({
      SAMLResponse: base64(xml.replace('<saml:Assertion', `${forged}<saml:Assertion`)),
    });
    expect(page.status).toBe(400);
    expect(reason(page)).toContain('exactly one Assertion');
  });

  it('rejects a response whose signature references another element', () => {
    const xml = xmlOf(minter.mint('alice', 'aws').samlResponse);
    const responseId = /<samlp:Response[^>]* ID="([^"]+)"/.exec(xml)![1]!;
    const moved = xml.replace(/<ds:Reference URI="#[^"]+"/, `<ds:Reference URI="#${responseId}"`);
    expect(reason(postSaml({ SAMLResponse: base64(moved) }))).toMatch(
      /must have one Reference to its own ID/,
    );
  });

  it('accepts responses signed on the Response only, and on both', () => {
    const config = demoConfig();
    config.applications.find((a) => a.slug === 'aws')!.sign = 'response';
    expect(
      postSaml({ SAMLResponse: new Minter(config, keys, ISSUER).mint('alice', 'aws').samlResponse })
        .status,
    ).toBe(200);
    config.applications.find((a) => a.slug === 'aws')!.sign = 'both';
    expect(
      postSaml({ SAMLResponse: new Minter(config, keys, ISSUER).mint('alice', 'aws').samlResponse })
        .status,
    ).toBe(200);
  });

  it('reads the bytes as the extension does: invalid UTF-8 is refused, not replaced', () => {
    // The comment is outside the signed element, so only the decoding can refuse it.
    const xml = xmlOf(minter.mint('alice', 'aws').samlResponse);
    const bytes = Buffer.concat([
      Buffer.from('<!--'),
      Buffer.from([0xff]),
      Buffer.from(`-->${xml}`),
    ]);
    const page = postSaml({ SAMLResponse: bytes.toString('base64') });
    expect(page.status).toBe(400);
    expect(reason(page)).toBe('the decoded SAML message is not valid UTF-8 text');
  });

  it('refuses base64 of an impossible length instead of dropping the last character', () => {
    const xml = xmlOf(minter.mint('alice', 'aws').samlResponse);
    // Trailing spaces after the root make the length a multiple of 3, so the base64 has no padding.
    const unpadded = base64(xml + ' '.repeat((3 - (Buffer.byteLength(xml) % 3)) % 3));
    expect(unpadded).not.toMatch(/=$/);
    expect(postSaml({ SAMLResponse: unpadded }).status).toBe(200);
    const page = postSaml({ SAMLResponse: `${unpadded}A` });
    expect(page.status).toBe(400);
    expect(reason(page)).toBe(
      `base64 value has an impossible length (${unpadded.length + 1} characters)`,
    );
  });

  it('refuses a DOCTYPE without expanding it', () => {
    const xml = `<!DOCTYPE r [<!ENTITY e "x">]>${xmlOf(minter.mint('alice', 'aws').samlResponse)}`;
    expect(reason(postSaml({ SAMLResponse: base64(xml) }))).toBe(
      'the XML has a DOCTYPE declaration; SAML never needs one, so it is refused',
    );
  });
});

describe('the STS stand-in (AssumeRoleWithSAML)', () => {
  const DEPLOYER = {
    RoleArn: 'arn:aws:iam::222222222222:role/Deployer',
    PrincipalArn: 'arn:aws:iam::222222222222:saml-provider/local',
  };

  it('answers the documented result shape', () => {
    const answer = sts({
      ...DEPLOYER,
      SAMLAssertion: minter.mint('bob', 'aws').samlResponse,
      DurationSeconds: '1800',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatch(
      /^<AssumeRoleWithSAMLResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/,
    );
    expect(answer.body).toContain('<Arn>arn:aws:sts::222222222222:assumed-role/Deployer/bob</Arn>');
    expect(answer.body).toMatch(/<AccessKeyId>ASIA[A-Z2-7]{16}<\/AccessKeyId>/);
    expect(answer.body).toMatch(/<SecretAccessKey>[^<]{40}<\/SecretAccessKey>/);
    expect(answer.body).toMatch(/<SessionToken>[^<]+<\/SessionToken>/);
    expect(answer.body).toContain('<Subject>bob</Subject>');
    expect(answer.body).toContain('<SubjectType>persistent</SubjectType>');
    expect(answer.body).toContain(`<Issuer>${ISSUER}</Issuer>`);
    expect(answer.body).toContain('<Audience>https://signin.aws.amazon.com/saml</Audience>');
    expect(answer.body).toMatch(/<NameQualifier>[A-Za-z0-9+/]{27}=<\/NameQualifier>/);
    expect(answer.body).toMatch(/<ResponseMetadata>\s*<RequestId>[0-9a-f-]{36}<\/RequestId>/);
    const expiration = new Date(
      /<Expiration>([^<]+)<\/Expiration>/.exec(answer.body)![1]!,
    ).getTime();
    expect(Math.abs(expiration - (Date.now() + 1800_000))).toBeLessThan(5000);
  });

  it('refuses a duration over the role MaxSessionDuration, which is configurable', () => {
    const SAMLAssertion = minter.mint('bob', 'aws').samlResponse;
    const refused = sts({ ...DEPLOYER, SAMLAssertion, DurationSeconds: '7200' });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('<Code>ValidationError</Code>');
    expect(refused.body).toContain(
      '<Message>The requested DurationSeconds exceeds the MaxSessionDuration set for this role.</Message>',
    );
    expect(
      sts(
        { ...DEPLOYER, SAMLAssertion, DurationSeconds: '7200' },
        { roles: [{ arn: DEPLOYER.RoleArn, maxSessionDuration: 43200 }] },
      ).status,
    ).toBe(200);
  });

  it('answers errors in the documented ErrorResponse shape', () => {
    const SAMLAssertion = minter.mint('bob', 'aws').samlResponse;
    const expired = sts({ ...DEPLOYER, SAMLAssertion }, { now: new Date(Date.now() + 3600_000) });
    expect(expired.status).toBe(400);
    expect(expired.body).toMatch(
      /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\s*<Error>\s*<Type>Sender<\/Type>\s*<Code>ExpiredTokenException<\/Code>\s*<Message>[^<]+<\/Message>\s*<\/Error>\s*<RequestId>[0-9a-f-]{36}<\/RequestId>\s*<\/ErrorResponse>/,
    );
    const tampered = base64(xmlOf(SAMLAssertion).replace('role/Deployer', 'role/Admin'));
    expect(sts({ ...DEPLOYER, SAMLAssertion: tampered }).body).toContain(
      '<Code>InvalidIdentityToken</Code>',
    );
    const notInAssertion = sts({
      RoleArn: 'arn:aws:iam::222222222222:role/Other',
      PrincipalArn: DEPLOYER.PrincipalArn,
      SAMLAssertion,
    });
    expect(notInAssertion.status).toBe(403);
    expect(notInAssertion.body).toContain('<Code>AccessDenied</Code>');
    expect(sts({ ...DEPLOYER, SAMLAssertion, DurationSeconds: '100' }).body).toContain(
      "Value '100' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
    expect(sts({ PrincipalArn: DEPLOYER.PrincipalArn, SAMLAssertion }).body).toContain(
      "Value null at 'roleArn' failed to satisfy constraint",
    );
  });

  it('reports a failed IdP status as IDPRejectedClaim', () => {
    const xml = xmlOf(minter.mint('bob', 'aws').samlResponse).replace(
      'status:Success',
      'status:Responder',
    );
    expect(sts({ ...DEPLOYER, SAMLAssertion: base64(xml) }).body).toContain(
      '<Code>IDPRejectedClaim</Code>',
    );
  });
});
