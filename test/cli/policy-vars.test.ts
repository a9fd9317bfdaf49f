import { describe, expect, it } from 'vitest';
import { buildSamlResponse, providerArn, roleArn, toBase64 } from '../support/saml-fixture.ts';
import { runMain } from './fake-io.ts';

const PROVIDER = providerArn('123456789012', 'auth0SamlProvider');
const assertion = toBase64(
  buildSamlResponse({
    issuer: 'urn:example.auth0.com',
    nameId: 'auth0|5f1e2d3c',
    roles: [[roleArn('123456789012', 'S3Users'), PROVIDER]],
  }),
);

/** The permission policy of Auth0's AWS guide: every user their own folder. */
const AUTH0_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['*'],
      Resource: ['arn:aws:s3:::my-bucket/${saml:sub}', 'arn:aws:s3:::my-bucket/${saml:sub}/*'],
    },
  ],
});
const TRUST_ONLY = JSON.stringify({
  Version: '2012-10-17',
  Statement: {
    Sid: 'ByRecipient',
    Effect: 'Allow',
    Action: 's3:*',
    Resource: 'arn:aws:s3:::b/${saml:aud}/*',
  },
});

const files = {
  'r.txt': assertion,
  'auth0.json': AUTH0_POLICY,
  'trust-only.json': TRUST_ONLY,
  'bad.json': '[',
};

describe('saml-roles policy-vars', () => {
  it("prints Auth0's per-user S3 folder for this user (exit 0)", async () => {
    const { code, stdout, stderr } = await runMain(
      ['policy-vars', 'r.txt', '--policy', 'auth0.json'],
      { files },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/saml:sub\s+auth0\|5f1e2d3c/);
    expect(stdout).toContain(
      '    arn:aws:s3:::my-bucket/${saml:sub}/*\n      -> arn:aws:s3:::my-bucket/auth0|5f1e2d3c/*',
    );
  });

  it('--json gives the provider, the variables and each statement', async () => {
    const { code, stdout } = await runMain(
      ['policy-vars', 'r.txt', '--policy', 'auth0.json', '--provider', PROVIDER, '--json'],
      { files },
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      providerArn: PROVIDER,
      variables: { 'saml:sub': 'auth0|5f1e2d3c', 'saml:sub_type': 'persistent' },
      statements: [
        {
          statement: '#1',
          effect: 'Allow',
          resources: {
            not: false,
            values: [
              { effective: 'arn:aws:s3:::my-bucket/auth0|5f1e2d3c' },
              { effective: 'arn:aws:s3:::my-bucket/auth0|5f1e2d3c/*' },
            ],
          },
        },
      ],
    });
  });

  it('a variable a permission policy cannot see has no value: said, and exit 1', async () => {
    const { code, stdout } = await runMain(
      ['policy-vars', 'r.txt', '--policy', 'trust-only.json'],
      { files },
    );
    expect(code).toBe(1);
    expect(stdout).toContain('Statement ByRecipient: Allow s3:*');
    expect(stdout).toContain('-> no value: ${saml:aud} is not set for this session');
  });

  it('--help documents the command', async () => {
    const { code, stdout } = await runMain(['policy-vars', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--policy');
    expect((await runMain(['--help'])).stdout).toContain('policy-vars');
  });

  it.each([
    [['policy-vars', 'r.txt'], '--policy POLICY.json is required'],
    [['policy-vars', 'r.txt', '--policy', 'missing.json'], /no such file: \S*missing\.json/],
    [['policy-vars', 'r.txt', '--policy', 'bad.json'], 'bad.json: not JSON'],
    [
      ['policy-vars', 'r.txt', '--policy', 'auth0.json', '--provider', 'arn:aws:iam::1:role/x'],
      '--provider: "arn:aws:iam::1:role/x" is not a provider the Role attribute names',
    ],
    [['policy-vars', 'r.txt', 'x', '--policy', 'auth0.json'], 'policy-vars takes one FILE'],
  ])('%j fails with exit 2 and one clear line', async (args, message) => {
    const { code, stderr, stdout } = await runMain(args, { files });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('asks for --provider when the Role attribute names several', async () => {
    const two = toBase64(
      buildSamlResponse({
        roles: [
          [roleArn('123456789012', 'A'), PROVIDER],
          [roleArn('210987654321', 'B'), providerArn('210987654321', 'Other')],
        ],
      }),
    );
    const { code, stderr } = await runMain(['policy-vars', '-', '--policy', 'auth0.json'], {
      stdin: two,
      files,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('the assertion names 2 providers');
  });
});
