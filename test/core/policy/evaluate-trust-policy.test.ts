import { describe, expect, it } from 'vitest';
import { inspect } from '../../../src/core/inspect.ts';
import {
  checkTrustPolicy,
  computeContextKeys,
  evaluateTrustPolicy,
  requiredActions,
  type TrustRequest,
} from '../../../src/core/policy.ts';
import { buildSamlResponse, providerArn, roleArn, toBase64 } from '../../support/saml-fixture.ts';

const PROVIDER = providerArn('123456789012', 'MyIdP');
const TAG = 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:';
const SOURCE_IDENTITY = 'https://aws.amazon.com/SAML/Attributes/SourceIdentity';

function request(options: Parameters<typeof buildSamlResponse>[0] = {}): TrustRequest {
  const inspection = inspect(
    toBase64(
      buildSamlResponse({ roles: [[roleArn('123456789012', 'Dev'), PROVIDER]], ...options }),
    ),
    {
      now: new Date('2026-01-01T00:30:00Z'),
    },
  );
  return { providerArn: PROVIDER, context: computeContextKeys(inspection, PROVIDER) };
}

const statement = (extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Principal: { Federated: PROVIDER },
  Action: 'sts:AssumeRoleWithSAML',
  ...extra,
});
const policy = (...statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });

/** IAM console's SAML trust policy: the provider, and SAML:aud = the sign-in URL. */
const consolePolicy = policy(
  statement({ Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } }),
);

describe('evaluateTrustPolicy', () => {
  it("allows the console's default policy for an assertion posted to the sign-in URL", () => {
    expect(evaluateTrustPolicy(consolePolicy, request())).toEqual({
      allowed: true,
      decision: 'allow',
      reasons: [],
    });
  });

  describe('the four denials, each naming the statement, condition and value seen', () => {
    it('by SAML:aud (an assertion for a regional endpoint)', () => {
      const result = evaluateTrustPolicy(
        consolePolicy,
        request({ recipient: 'https://eu-west-1.signin.aws.amazon.com/saml' }),
      );
      expect(result).toMatchObject({ allowed: false, decision: 'implicit-deny' });
      expect(result.reasons).toEqual([
        {
          action: 'sts:AssumeRoleWithSAML',
          statement: '#1',
          check: 'condition',
          condition: { operator: 'StringEquals', key: 'SAML:aud' },
          expected: ['https://signin.aws.amazon.com/saml'],
          seen: ['https://eu-west-1.signin.aws.amazon.com/saml'],
          message:
            'statement "#1": StringEquals SAML:aud: expects "https://signin.aws.amazon.com/saml"; the request has "https://eu-west-1.signin.aws.amazon.com/saml"',
        },
      ]);
    });

    it('by a saml:sub pattern', () => {
      const result = evaluateTrustPolicy(
        policy(
          statement({
            Sid: 'CorpUsers',
            Condition: { StringLike: { 'saml:sub': '*@corp.example.com' } },
          }),
        ),
        request({ nameId: 'mallory@example.org' }),
      );
      expect(result.allowed).toBe(false);
      expect(result.reasons).toMatchObject([
        {
          statement: 'CorpUsers',
          condition: { operator: 'StringLike', key: 'saml:sub' },
          expected: ['*@corp.example.com'],
          seen: ['mallory@example.org'],
        },
      ]);
    });

    it('by a session tag (aws:RequestTag), on TagSession as well as the assume', () => {
      const result = evaluateTrustPolicy(
        policy(
          statement({
            Sid: 'PlatformOnly',
            Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
            Condition: { StringEquals: { 'aws:RequestTag/Team': 'Platform' } },
          }),
        ),
        request({ extraAttributes: [{ name: `${TAG}Team`, values: ['Marketing'] }] }),
      );
      expect(result.allowed).toBe(false);
      expect(
        result.reasons.map((reason) => [
          reason.action,
          reason.statement,
          reason.condition,
          reason.seen,
        ]),
      ).toEqual([
        [
          'sts:AssumeRoleWithSAML',
          'PlatformOnly',
          { operator: 'StringEquals', key: 'aws:RequestTag/Team' },
          ['Marketing'],
        ],
        [
          'sts:TagSession',
          'PlatformOnly',
          { operator: 'StringEquals', key: 'aws:RequestTag/Team' },
          ['Marketing'],
        ],
      ]);
    });

    it('by a missing SourceIdentity (an explicit Deny with Null)', () => {
      const requireSourceIdentity = policy(
        statement({ Action: ['sts:AssumeRoleWithSAML', 'sts:SetSourceIdentity'] }),
        {
          Sid: 'RequireSourceIdentity',
          Effect: 'Deny',
          Principal: { Federated: PROVIDER },
          Action: 'sts:AssumeRoleWithSAML',
          Condition: { Null: { 'sts:SourceIdentity': 'true' } },
        },
      );
      const result = evaluateTrustPolicy(requireSourceIdentity, request());
      expect(result).toMatchObject({ allowed: false, decision: 'explicit-deny' });
      expect(result.reasons).toEqual([
        {
          action: 'sts:AssumeRoleWithSAML',
          statement: 'RequireSourceIdentity',
          check: 'explicit-deny',
          condition: { operator: 'Null', key: 'sts:SourceIdentity' },
          expected: ['true'],
          seen: null,
          message:
            'Deny statement "RequireSourceIdentity" applies: Null sts:SourceIdentity: wants the key absent; the request has no sts:SourceIdentity',
        },
      ]);
      const sent = request({ extraAttributes: [{ name: SOURCE_IDENTITY, values: ['alice'] }] });
      expect(evaluateTrustPolicy(requireSourceIdentity, sent).allowed).toBe(true);
    });
  });

  it('an explicit Deny wins over an Allow', () => {
    const result = evaluateTrustPolicy(
      policy(statement(), { Sid: 'NoOne', Effect: 'Deny', Principal: '*', Action: 'sts:*' }),
      request(),
    );
    expect(result.decision).toBe('explicit-deny');
    expect(result.reasons[0]?.message).toBe(
      'Deny statement "NoOne" applies to sts:AssumeRoleWithSAML without conditions',
    );
  });

  it('denies by default, and says when nothing allows the action', () => {
    const result = evaluateTrustPolicy(
      policy({
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'aws:x': 'true' } },
      }),
      request(),
    );
    expect(result).toMatchObject({ allowed: false, decision: 'implicit-deny' });
    expect(result.reasons).toMatchObject([{ check: 'no-allow', statement: null }]);
  });

  it.each([
    [{ Federated: 'arn:aws:iam::123456789012:saml-provider/Other' }, false],
    [
      {
        Federated: [
          'arn:aws:iam::123456789012:saml-provider/Other',
          'arn:aws:iam::123456789012:saml-provider/MyIdP',
        ],
      },
      true,
    ],
    [{ Federated: '*' }, true],
    ['*', true],
    [{ AWS: '*' }, true],
    [{ AWS: 'arn:aws:iam::123456789012:root' }, false],
  ])('Principal %j allows: %s', (principal, expected) => {
    const result = evaluateTrustPolicy(policy(statement({ Principal: principal })), request());
    expect(result.allowed).toBe(expected);
    if (!expected) expect(result.reasons[0]).toMatchObject({ check: 'principal' });
  });

  it.each([
    ['sts:AssumeRoleWithSAML', true],
    ['STS:assumerolewithsaml', true],
    ['sts:AssumeRole*', true],
    ['sts:*', true],
    ['*', true],
    [['sts:AssumeRole', 'sts:AssumeRoleWithSAML'], true],
    ['sts:AssumeRole', false],
    ['sts:AssumeRoleWith?AML', true],
  ])('Action %j allows: %s', (action, expected) => {
    expect(evaluateTrustPolicy(policy(statement({ Action: action })), request()).allowed).toBe(
      expected,
    );
  });

  it('NotAction and NotPrincipal are read as IAM defines them', () => {
    const notAction = policy({
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      NotAction: 'sts:AssumeRole',
    });
    expect(evaluateTrustPolicy(notAction, request()).allowed).toBe(true);
    const deniedNotAction = policy({
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      NotAction: 'sts:AssumeRoleWith*',
    });
    expect(evaluateTrustPolicy(deniedNotAction, request()).reasons[0]?.message).toMatch(
      /NotAction covers sts:AssumeRoleWithSAML/,
    );
    const notPrincipal = policy(statement(), {
      Effect: 'Deny',
      NotPrincipal: { Federated: PROVIDER },
      Action: '*',
    });
    expect(evaluateTrustPolicy(notPrincipal, request()).allowed).toBe(true);
    const otherNotPrincipal = policy(statement(), {
      Effect: 'Deny',
      NotPrincipal: { Federated: 'arn:aws:iam::1:saml-provider/X' },
      Action: '*',
    });
    expect(evaluateTrustPolicy(otherNotPrincipal, request()).decision).toBe('explicit-deny');
  });

  it('needs sts:TagSession when tags are sent and sts:SetSourceIdentity when a source identity is', () => {
    const sent = request({
      extraAttributes: [
        { name: `${TAG}Team`, values: ['Platform'] },
        { name: SOURCE_IDENTITY, values: ['alice'] },
      ],
    });
    expect(requiredActions(sent.context)).toEqual([
      'sts:AssumeRoleWithSAML',
      'sts:TagSession',
      'sts:SetSourceIdentity',
    ]);
    const result = evaluateTrustPolicy(consolePolicy, sent);
    expect(result.allowed).toBe(false);
    expect(result.reasons.map((reason) => reason.message)).toEqual([
      'statement "#1": its Action (sts:AssumeRoleWithSAML) does not include sts:TagSession (needed because the assertion sends session tags)',
      'statement "#1": its Action (sts:AssumeRoleWithSAML) does not include sts:SetSourceIdentity (needed because the assertion sends SourceIdentity)',
    ]);
    const all = policy(
      statement({ Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession', 'sts:SetSourceIdentity'] }),
    );
    expect(evaluateTrustPolicy(all, sent).allowed).toBe(true);
  });

  it('reads hostile JSON as data: prototype names, deep nesting, many statements', () => {
    const proto = JSON.parse(
      `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"__proto__":["x"],"Federated":"${PROVIDER}"},"Action":"sts:AssumeRoleWithSAML","Condition":{"StringNotEquals":{"__proto__":"x","constructor":"y"}}}]}`,
    ) as unknown;
    expect(evaluateTrustPolicy(proto, request()).allowed).toBe(true);
    expect(() =>
      evaluateTrustPolicy(JSON.parse('{"Statement":[{"__proto__":1}]}') as unknown, request()),
    ).toThrow(/unknown element "__proto__"/);
    expect(() =>
      evaluateTrustPolicy(
        policy(statement({ Condition: JSON.parse('{"__proto__": {"saml:sub": "x"}}') as unknown })),
        request(),
      ),
    ).toThrow(/unknown condition operator "__proto__"/);
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() =>
      evaluateTrustPolicy(
        policy(statement({ Condition: { StringEquals: { 'saml:sub': deep } } })),
        request(),
      ),
    ).toThrow(/expected a string, number or boolean, got a list/);
    const many = policy(
      ...Array.from({ length: 5_000 }, (_, i) =>
        statement({ Sid: `S${i}`, Condition: { StringLike: { 'saml:sub': `user${i}-*` } } }),
      ),
    );
    const started = performance.now();
    const result = evaluateTrustPolicy(many, request());
    // A guard against a hang, not a benchmark: cold, on a shared machine, this takes ~0.5-1.5 s.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.reasons).toHaveLength(5_000);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', [], /^policy: a policy is a JSON object/],
    ['no Statement', { Version: '2012-10-17' }, /no Statement/],
    ['unknown top-level element', { Statement: [], Foo: 1 }, /unknown element "Foo"/],
    ['bad Version', { Version: '2020-01-01', Statement: [] }, /Version "2020-01-01"/],
    [
      'bad Effect',
      policy({ ...statement(), Effect: 'allow' }),
      /^Statement\[0\]: Effect is "allow"/,
    ],
    [
      'unknown statement element',
      policy({ ...statement(), Sid: 'S1', Actions: 'x' }),
      /^Statement\[0\] \(Sid "S1"\): unknown element "Actions"/,
    ],
    ['no Principal', policy({ Effect: 'Allow', Action: 'sts:*' }), /needs a Principal/],
    [
      'Resource in a trust policy',
      policy(statement({ Resource: '*' })),
      /a trust policy has no Resource/,
    ],
    ['Action and NotAction', policy(statement({ NotAction: 'x' })), /both Action and NotAction/],
    [
      'non-string action',
      policy(statement({ Action: ['sts:AssumeRoleWithSAML', 3] })),
      /Statement\[0\]\.Action\[1\]: expected a string, got number/,
    ],
    [
      'unknown operator',
      policy(statement({ Sid: 'S', Condition: { StringMatches: { 'saml:sub': 'x' } } })),
      /^Statement\[0\] \(Sid "S"\)\.Condition\.StringMatches: unknown condition operator "StringMatches"/,
    ],
    [
      'numeric operator',
      policy(statement({ Condition: { NumericLessThan: { 'saml:x': 1 } } })),
      /NumericLessThan is not supported here/,
    ],
    [
      'object as condition value',
      policy(statement({ Condition: { StringEquals: { 'saml:sub': { a: 1 } } } })),
      /Condition\.StringEquals\."saml:sub": expected a string, number or boolean, got an object/,
    ],
    [
      'Null with a non-boolean',
      policy(statement({ Condition: { Null: { 'saml:sub': 'maybe' } } })),
      /Null takes "true" or "false", got "maybe"/,
    ],
    [
      'Null with IfExists',
      policy(statement({ Condition: { NullIfExists: { 'saml:sub': 'true' } } })),
      /Null takes no IfExists/,
    ],
    [
      'empty value list',
      policy(statement({ Condition: { StringEquals: { 'saml:sub': [] } } })),
      /is an empty list/,
    ],
  ])('refuses %s, saying where', (_, document, message) => {
    expect(() => evaluateTrustPolicy(document, request())).toThrow(message);
    expect(() => checkTrustPolicy(document)).toThrow(message);
  });

  it('checkTrustPolicy accepts what evaluateTrustPolicy can read', () => {
    expect(() => checkTrustPolicy(consolePolicy)).not.toThrow();
  });
});
