import { describe, expect, it } from 'vitest';
import { buildSamlResponse, providerArn, roleArn, toBase64 } from '../support/saml-fixture.ts';
import { runMain } from './fake-io.ts';

const NOW = ['--now', '2026-01-01T00:30:00Z'];
const PROVIDER = providerArn('123456789012', 'MyIdP');
const DEV = roleArn('123456789012', 'Dev');
const OPS = roleArn('123456789012', 'team=ops/Ops');
const TAG = 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:';

function assertion(options: Parameters<typeof buildSamlResponse>[0] = {}): string {
  return toBase64(
    buildSamlResponse({
      roles: [
        [DEV, PROVIDER],
        [OPS, PROVIDER],
      ],
      nameId: 'alice@example.com',
      extraAttributes: [{ name: `${TAG}Team`, values: ['Marketing'] }],
      ...options,
    }),
  );
}

const trust = (statements: unknown[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allow = (extra: Record<string, unknown>) => ({
  Effect: 'Allow',
  Principal: { Federated: PROVIDER },
  Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession', 'sts:SetSourceIdentity'],
  ...extra,
});

/** The four policies the issue names, each refusing the assertion above for one reason. */
const POLICIES = {
  'aud.json': trust([
    allow({
      Sid: 'SignInOnly',
      Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
    }),
  ]),
  'sub.json': trust([
    allow({ Sid: 'CorpOnly', Condition: { StringLike: { 'saml:sub': '*@corp.example.com' } } }),
  ]),
  'tag.json': trust([
    allow({
      Sid: 'PlatformTeam',
      Condition: { StringEquals: { 'aws:RequestTag/Team': 'Platform' } },
    }),
  ]),
  'source.json': trust([
    allow({}),
    {
      Sid: 'RequireSourceIdentity',
      Effect: 'Deny',
      Principal: { Federated: PROVIDER },
      Action: 'sts:AssumeRoleWithSAML',
      Condition: { Null: { 'sts:SourceIdentity': 'true' } },
    },
  ]),
  'open.json': trust([allow({})]),
};

async function inspectWith(args: string[], stdin = assertion()) {
  return runMain(['inspect', '-', ...NOW, ...args], { stdin, files: POLICIES });
}

describe('saml-roles inspect: context keys and --trust-policy', () => {
  it('--json gains contextKeys per provider', async () => {
    const { code, stdout } = await inspectWith(['--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { contextKeys: Record<string, Record<string, unknown>> };
    expect(Object.keys(report.contextKeys)).toEqual([PROVIDER]);
    expect(report.contextKeys[PROVIDER]).toMatchObject({
      'saml:aud': 'https://signin.aws.amazon.com/saml',
      'saml:sub': 'alice@example.com',
      'saml:sub_type': 'persistent',
      'saml:doc': '123456789012/MyIdP',
      'aws:RequestTag/Team': 'Marketing',
      'aws:TagKeys': ['Team'],
    });
    expect(report).not.toHaveProperty('trustEvaluations');
  });

  it.each([
    [
      'aud.json',
      { recipient: 'https://eu-west-1.signin.aws.amazon.com/saml' },
      'SignInOnly',
      'StringEquals',
      'SAML:aud',
      ['https://eu-west-1.signin.aws.amazon.com/saml'],
    ],
    ['sub.json', {}, 'CorpOnly', 'StringLike', 'saml:sub', ['alice@example.com']],
    ['tag.json', {}, 'PlatformTeam', 'StringEquals', 'aws:RequestTag/Team', ['Marketing']],
    ['source.json', {}, 'RequireSourceIdentity', 'Null', 'sts:SourceIdentity', null],
  ])(
    '%s refuses with its statement, condition and the value seen (exit 1)',
    async (file, options, sid, operator, key, seen) => {
      const stdin = assertion(options);
      const json = await inspectWith(['--json', '--trust-policy', `${DEV}=${file}`], stdin);
      expect(json.code).toBe(1);
      const report = JSON.parse(json.stdout) as {
        trustEvaluations: {
          roleArn: string;
          allowed: boolean;
          reasons: { statement: string; condition: unknown; seen: unknown }[];
        }[];
        findings: { code: string; severity: string; message: string }[];
      };
      expect(report.trustEvaluations).toHaveLength(1);
      const [evaluation] = report.trustEvaluations;
      expect(evaluation).toMatchObject({ roleArn: DEV, allowed: false });
      expect(evaluation?.reasons[0]).toMatchObject({
        statement: sid,
        condition: { operator, key },
        seen,
      });
      const finding = report.findings.find((f) => f.code === 'trust-policy-denied');
      expect(finding).toMatchObject({ severity: 'error' });
      expect(finding?.message).toContain(sid);

      const text = await inspectWith(['--trust-policy', `${DEV}=${file}`], stdin);
      expect(text.code).toBe(1);
      expect(text.stdout).toContain('✖ error trust-policy-denied');
      expect(text.stdout).toMatch(new RegExp(`✖ ${DEV} \\(${file}\\): refused`));
      expect(text.stdout).toContain(`${operator} ${key}`);
    },
  );

  it('an allowing policy adds no finding; several policies are evaluated in order', async () => {
    const { code, stdout } = await inspectWith([
      '--json',
      '--trust-policy',
      `${DEV}=open.json`,
      '--trust-policy',
      `${OPS}=sub.json`,
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      trustEvaluations: { roleArn: string; allowed: boolean }[];
    };
    expect(report.trustEvaluations.map((e) => [e.roleArn, e.allowed])).toEqual([
      [DEV, true],
      [OPS, false],
    ]);
    const allowed = await inspectWith(['--trust-policy', `${DEV}=open.json`]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain(`✔ ${DEV} (open.json): allowed`);
  });

  it('human output lists the context keys per provider', async () => {
    const { stdout } = await inspectWith([]);
    expect(stdout).toContain(`Context keys for ${PROVIDER}`);
    expect(stdout).toMatch(/saml:sub\s+alice@example\.com/);
    expect(stdout).toMatch(/aws:TagKeys\s+Team/);
  });

  it('escapes control characters from the assertion in the text output', async () => {
    const { stdout } = await inspectWith([], assertion({ nameId: 'alice\u001b[2Jx' }));
    expect(stdout).not.toContain('\u001b');
    expect(stdout).toContain('alice\\u001b[2Jx');
  });

  it.each([
    [
      ['--trust-policy', 'open.json'],
      /--trust-policy "open.json": expected ROLE_ARN=FILE with a role the assertion offers/,
    ],
    [
      ['--trust-policy', `${roleArn('123456789012', 'Nope')}=open.json`],
      /with a role the assertion offers \(arn:aws:iam::123456789012:role\/Dev, /,
    ],
    [['--trust-policy', `${DEV}=missing.json`], /no such file: \S*missing\.json/],
    [['--trust-policy', `${DEV}=bad.json`], /bad.json: not JSON: /],
    [
      ['--trust-policy', `${DEV}=weird.json`],
      /weird.json: Statement\[0\] \(Sid "S"\)\.Condition\.StringMatches: unknown condition operator/,
    ],
  ])('%j fails with exit 2 and one clear line', async (args, message) => {
    const { code, stderr, stdout } = await runMain(['inspect', '-', ...NOW, ...args], {
      stdin: assertion(),
      files: {
        ...POLICIES,
        'bad.json': '{ "Version": \u001b[2J',
        'weird.json': trust([
          allow({ Sid: 'S', Condition: { StringMatches: { 'saml:sub': 'x' } } }),
        ]),
      },
    });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('lists 20 providers and counts the rest; --trust-policy still reaches any role', async () => {
    const roles = Array.from({ length: 25 }, (_, i): [string, string] => {
      const account = String(100000000000 + i);
      return [roleArn(account, 'R'), providerArn(account, `P${i}`)];
    });
    const stdin = assertion({ roles });
    const last = roles[24]![0];
    const { code, stdout } = await inspectWith(
      ['--json', '--trust-policy', `${last}=sub.json`],
      stdin,
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      contextKeys: object;
      contextKeysOmittedProviders: number;
    };
    expect(Object.keys(report.contextKeys)).toHaveLength(20);
    expect(report.contextKeysOmittedProviders).toBe(5);
    expect((await inspectWith([], stdin)).stdout).toContain(
      'Context keys of 5 more providers not listed',
    );
  });

  it('a role name holding "=" still splits at the right place', async () => {
    const { code, stdout } = await inspectWith(['--json', '--trust-policy', `${OPS}=open.json`]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      trustEvaluations: [{ roleArn: OPS, allowed: true }],
    });
  });
});
