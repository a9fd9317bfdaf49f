// The stand-in and the core's lint, written apart, judge the same generated assertions. They must
// agree on every one, except where the allow-list below says why they may not: a warning the
// stand-in ignores is fine; a lint error on something AWS accepts, or silence on something AWS
// refuses, is a bug in one of them.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspect } from '../../src/core/index.ts';
import { resolveSigningKeys, type SigningKeys } from '../../src/idp/crypto/keystore.ts';
import { buildIdpMetadata } from '../../src/idp/saml/metadata.ts';
import { signResponse } from '../../src/idp/saml/sign.ts';
import { assessSamlResponse } from '../../src/idp/standin/assess.ts';
import { iamSigninEndpoint } from '../../src/idp/standin/judge/aws-endpoints.ts';
import { parseTrustedIdpMetadata, type TrustedIdp } from '../../src/idp/standin/trust.ts';
import {
  buildSamlResponse,
  type FixtureOptions,
  providerArn,
  roleArn,
  SAML_ENDPOINT,
} from '../support/saml-fixture.ts';

const ISSUER = 'https://idp.example.com/metadata';
const NOW = new Date('2026-01-01T00:10:00Z');
const PREFIX = 'https://aws.amazon.com/SAML/Attributes/';
const ROLE = roleArn('123456789012', 'Admin');
const PROVIDER = providerArn('123456789012');

/** One way to change a good assertion: fixture options, or an edit of the XML before signing. */
interface Mutation {
  name: string;
  options?: FixtureOptions;
  editXml?: (xml: string) => string;
  /** Applied to the signed XML: what an attacker or a broken proxy does after the IdP. */
  afterSigning?: (xml: string) => string;
  unsigned?: boolean;
  /** Signed with a key the stand-in does not trust. */
  foreignKey?: boolean;
}

const tags = (count: number, key = (i: number) => `k${i}`, value = () => 'v') =>
  Array.from({ length: count }, (_, i) => ({
    name: `${PREFIX}PrincipalTag:${key(i)}`,
    values: [value()],
  }));

const MUTATIONS: Mutation[] = [
  { name: 'good' },
  {
    name: 'expired',
    options: { notBefore: '2025-12-31T23:00:00Z', notOnOrAfter: '2025-12-31T23:59:00Z' },
  },
  { name: 'expired within the skew', options: { notOnOrAfter: '2026-01-01T00:07:00Z' } },
  { name: 'not yet valid', options: { notBefore: '2026-01-01T00:20:00Z' } },
  { name: 'not yet valid within the skew', options: { notBefore: '2026-01-01T00:13:00Z' } },
  { name: 'timestamp not a date', options: { notOnOrAfter: '2026-02-30T00:00:00Z' } },
  { name: 'wrong audience', options: { audience: 'urn:example:not-aws' } },
  { name: 'no audience', options: { audience: null } },
  { name: 'audience is the sign-in URL', options: { audience: SAML_ENDPOINT } },
  {
    name: 'audience is a regional sign-in URL',
    options: { audience: 'https://us-east-2.signin.aws.amazon.com/saml' },
  },
  { name: "audience is GovCloud's", options: { audience: 'urn:amazon:webservices:govcloud' } },
  { name: 'wrong recipient', options: { recipient: 'https://example.com/acs', destination: null } },
  { name: 'no recipient', options: { recipient: null } },
  {
    name: 'regional recipient and destination',
    options: {
      recipient: 'https://us-east-2.signin.aws.amazon.com/saml',
      destination: 'https://us-east-2.signin.aws.amazon.com/saml',
    },
  },
  { name: 'recipient with a trailing slash', options: { recipient: `${SAML_ENDPOINT}/` } },
  {
    name: 'recipient and destination /static/saml',
    options: {
      recipient: 'https://signin.aws.amazon.com/static/saml',
      destination: 'https://signin.aws.amazon.com/static/saml',
    },
  },
  {
    name: "provider's own ACS URL",
    options: {
      recipient: 'https://signin.aws.amazon.com/saml/acs/SAMLSP4SHN3UIS2D558H46',
      destination: 'https://signin.aws.amazon.com/saml/acs/SAMLSP4SHN3UIS2D558H46',
    },
  },
  {
    name: 'GovCloud recipient with the aws audience',
    options: {
      recipient: 'https://signin.amazonaws-us-gov.com/saml',
      destination: 'https://signin.amazonaws-us-gov.com/saml',
    },
  },
  {
    name: 'no SubjectConfirmationData NotOnOrAfter',
    editXml: (xml) => xml.replace(/(SubjectConfirmationData) NotOnOrAfter="[^"]*"/, '$1'),
  },
  { name: 'no role', options: { roles: null } },
  { name: 'empty role attribute', options: { roles: [] } },
  { name: 'role value with one ARN', options: { padValue: () => ROLE } },
  { name: 'role value with three ARNs', options: { padValue: (v) => `${v},${ROLE}` } },
  {
    name: 'role ARN with an 11-digit account',
    options: { roles: [[roleArn('12345678901', 'Admin'), PROVIDER]] },
  },
  {
    name: 'role ARN not a role',
    options: { roles: [[`arn:aws:iam::123456789012:user/Admin`, PROVIDER]] },
  },
  { name: 'trailing comma', options: { padValue: (v) => `${v},` } },
  { name: 'padded role value', options: { padValue: (v) => `\n   ${v}\n  ` } },
  { name: 'provider first', options: { providerFirst: true } },
  {
    name: 'role and provider of two accounts',
    options: { roles: [[ROLE, providerArn('210987654321')]] },
  },
  {
    name: 'several roles over several attributes',
    options: {
      roles: [
        [ROLE, PROVIDER],
        [roleArn('123456789012', 'team/ReadOnly'), PROVIDER],
      ],
      roleAttributes: 2,
    },
  },
  {
    name: 'same pair twice',
    options: {
      roles: [
        [ROLE, PROVIDER],
        [ROLE, PROVIDER],
      ],
    },
  },
  { name: 'no session name', options: { sessionName: null } },
  { name: 'session name with a space', options: { sessionName: 'alice smith' } },
  { name: 'session name of one character', options: { sessionName: 'a' } },
  { name: 'session name of 64 characters', options: { sessionName: 'a'.repeat(64) } },
  { name: 'session name of 65 characters', options: { sessionName: 'a'.repeat(65) } },
  { name: 'session duration 900', options: { sessionDuration: '900' } },
  { name: 'session duration 899', options: { sessionDuration: '899' } },
  { name: 'session duration 43200', options: { sessionDuration: '43200' } },
  { name: 'session duration 43201', options: { sessionDuration: '43201' } },
  { name: 'session duration not a number', options: { sessionDuration: '1h' } },
  { name: 'unsigned', unsigned: true },
  { name: 'signed by an untrusted key', foreignKey: true },
  { name: 'tampered after signing', afterSigning: (xml) => xml.replace('role/Admin', 'role/Root') },
  { name: 'untrusted issuer', options: { issuer: 'https://evil.example.com' } },
  {
    name: 'IdP status Responder',
    options: { statusCode: 'urn:oasis:names:tc:SAML:2.0:status:Responder' },
  },
  {
    name: 'source identity',
    options: { extraAttributes: [{ name: `${PREFIX}SourceIdentity`, values: ['alice'] }] },
  },
  {
    name: 'source identity "aws:x"',
    options: { extraAttributes: [{ name: `${PREFIX}SourceIdentity`, values: ['aws:x'] }] },
  },
  {
    name: 'source identity of one character',
    options: { extraAttributes: [{ name: `${PREFIX}SourceIdentity`, values: ['a'] }] },
  },
  { name: '50 session tags', options: { extraAttributes: tags(50) } },
  { name: '51 session tags', options: { extraAttributes: tags(51) } },
  {
    name: 'tag key of 129 characters',
    options: { extraAttributes: tags(1, () => 'k'.repeat(129)) },
  },
  {
    name: 'tag value of 257 characters',
    options: { extraAttributes: tags(1, undefined, () => 'v'.repeat(257)) },
  },
  {
    name: 'tag key twice in two cases',
    options: { extraAttributes: [...tags(1, () => 'Team'), ...tags(1, () => 'team')] },
  },
];

/**
 * Disagreements that are expected, each with why. A mutation listed here must still disagree
 * (so the entry is removed once one side changes).
 */
const ALLOWED_DISAGREEMENTS: Record<string, string> = {
  'signed by an untrusted key':
    'the lint has no trusted metadata: it sees that a signature is present, not whether it verifies',
  'tampered after signing': 'as above: the lint cannot verify a signature',
  'untrusted issuer': 'the lint has no list of the IAM SAML providers an account trusts',
};

let keys: SigningKeys;
let foreignKeys: SigningKeys;
let trusted: TrustedIdp[];

beforeAll(async () => {
  [keys, foreignKeys] = await Promise.all([resolveSigningKeys({}), resolveSigningKeys({})]);
  trusted = [
    parseTrustedIdpMetadata(
      buildIdpMetadata({ entityId: ISSUER, ssoUrl: `${ISSUER}/sso`, certBase64: keys.certBase64 }),
    ),
  ];
});

function samlResponseFor(mutations: readonly Mutation[]): string {
  const options = Object.assign(
    { signature: 'none' },
    ...mutations.map((m) => m.options ?? {}),
  ) as FixtureOptions;
  let xml = buildSamlResponse(options);
  for (const m of mutations) if (m.editXml) xml = m.editXml(xml);
  if (!mutations.some((m) => m.unsigned))
    xml = signResponse(xml, 'response', mutations.some((m) => m.foreignKey) ? foreignKeys : keys);
  for (const m of mutations) if (m.afterSigning) xml = m.afterSigning(xml);
  return Buffer.from(xml, 'utf8').toString('base64');
}

interface Verdicts {
  standIn: string | undefined;
  lintErrors: string[];
}

/** Each side's verdict: the stand-in's refusal (undefined = accepted) and the lint's errors. */
function judgeBoth(samlResponse: string): Verdicts {
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  // The browser posts where the IdP sends it: the Destination, else the Recipient, when that is an
  // AWS sign-in endpoint; anything else reaches the global one.
  const target = [
    /Destination="([^"]*)"/.exec(xml)?.[1],
    /Recipient="([^"]*)"/.exec(xml)?.[1],
  ].find((url) => url !== undefined && iamSigninEndpoint(url));
  const url = target ?? SAML_ENDPOINT;
  const standIn = assessSamlResponse(samlResponse, {
    trusted,
    now: NOW.getTime(),
    arrival: { kind: 'signin', url, partition: iamSigninEndpoint(url)!.partition },
  });
  const lintErrors = inspect(samlResponse, { now: NOW })
    .findings.filter((f) => f.severity === 'error')
    .map((f) => f.code);
  return { standIn: standIn.ok ? undefined : standIn.reason, lintErrors };
}

const disagree = (v: Verdicts) => (v.standIn !== undefined) !== v.lintErrors.length > 0;

function describeVerdicts(name: string, v: Verdicts): string {
  const standIn = v.standIn === undefined ? 'accepts' : `refuses (${v.standIn})`;
  const lint = v.lintErrors.length ? `errors ${v.lintErrors.join(', ')}` : 'no error';
  return `${name}: the stand-in ${standIn}, the lint has ${lint}`;
}

// Each case is signed with RSA; on a busy two-core machine the corpus takes several seconds.
describe('the stand-in and the lint agree on a generated corpus', { timeout: 60_000 }, () => {
  it('on each mutation of a good assertion', () => {
    const unexplained: string[] = [];
    const stale: string[] = [];
    for (const mutation of MUTATIONS) {
      const verdicts = judgeBoth(samlResponseFor([mutation]));
      const allowed = mutation.name in ALLOWED_DISAGREEMENTS;
      if (disagree(verdicts) && !allowed)
        unexplained.push(describeVerdicts(mutation.name, verdicts));
      if (!disagree(verdicts) && allowed) stale.push(describeVerdicts(mutation.name, verdicts));
    }
    expect(unexplained).toEqual([]);
    expect(stale).toEqual([]);
  });

  it('on the good assertion, which both accept (so agreement is not both refusing everything)', () => {
    expect(judgeBoth(samlResponseFor([]))).toEqual({ standIn: undefined, lintErrors: [] });
  });

  it('on random combinations of mutations', () => {
    const judged = MUTATIONS.filter((m) => !(m.name in ALLOWED_DISAGREEMENTS) && m.name !== 'good');
    fc.assert(
      fc.property(fc.subarray(judged, { minLength: 2, maxLength: 4 }), (mutations) => {
        const verdicts = judgeBoth(samlResponseFor(mutations));
        if (disagree(verdicts))
          throw new Error(describeVerdicts(mutations.map((m) => m.name).join(' + '), verdicts));
      }),
      { numRuns: 30, seed: 11 },
    );
  });
});
