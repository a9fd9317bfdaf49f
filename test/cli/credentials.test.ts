import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../src/core/sts/types.ts';
import { buildSamlResponse, providerArn, roleArn, toBase64 } from '../support/saml-fixture.ts';
import { runMain } from './fake-io.ts';

const DEV = roleArn('111111111111', 'team/Dev');
const OPS = roleArn('222222222222', 'Ops');
const DENIED = roleArn('333333333333', 'Denied');
const ROLES: [string, string][] = [
  [DEV, providerArn('111111111111')],
  [OPS, providerArn('222222222222')],
  [DENIED, providerArn('333333333333')],
];
const ASSERTION = toBase64(buildSamlResponse({ roles: ROLES, sessionDuration: '7200' }));

interface Sent {
  url: string;
  form: Record<string, string>;
}

/** A 20-character key ID as STS issues, named after the role. */
const keyId = (name: string) => `ASIA${name.toUpperCase()}`.padEnd(20, '0');

/** Answers like STS: credentials named after the role, AccessDenied for the Denied role. */
function fakeSts(sent: Sent[] = []): FetchLike {
  return async (url, init) => {
    const form = Object.fromEntries(new URLSearchParams(init.body));
    sent.push({ url, form });
    const name = form.RoleArn!.split('/').pop()!;
    if (name === 'Denied')
      return {
        status: 403,
        text: async () =>
          '<ErrorResponse><Error><Code>AccessDenied</Code><Message>Not authorized to perform sts:AssumeRoleWithSAML</Message></Error><RequestId>r</RequestId></ErrorResponse>',
      };
    return {
      status: 200,
      text: async () => `<AssumeRoleWithSAMLResponse><AssumeRoleWithSAMLResult>
        <AssumedRoleUser><Arn>arn:aws:sts::111111111111:assumed-role/${name}/u</Arn></AssumedRoleUser>
        <Credentials><AccessKeyId>${keyId(name)}</AccessKeyId><SecretAccessKey>secret/${name}+KEY0123456789</SecretAccessKey>
        <SessionToken>token+${name}/IQoJb3JpZ2luX2Vj==</SessionToken><Expiration>2026-01-31T12:00:00Z</Expiration></Credentials>
        </AssumeRoleWithSAMLResult></AssumeRoleWithSAMLResponse>`,
    };
  };
}

const run = (args: string[], env: Record<string, string> = {}, sent: Sent[] = []) =>
  runMain(['credentials', ...args], { stdin: ASSERTION, env, fetch: fakeSts(sent) });

describe('saml-roles credentials: one role', () => {
  it('prints bash exports by default, asking the global endpoint for the SessionDuration attribute length', async () => {
    const sent: Sent[] = [];
    const { code, stdout, stderr } = await run(['-', '--role', DEV], {}, sent);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      [
        '# expires 2026-01-31T12:00:00Z',
        "export AWS_ACCESS_KEY_ID='ASIADEV0000000000000'",
        "export AWS_SECRET_ACCESS_KEY='secret/Dev+KEY0123456789'",
        "export AWS_SESSION_TOKEN='token+Dev/IQoJb3JpZ2luX2Vj=='",
        "export AWS_CREDENTIAL_EXPIRATION='2026-01-31T12:00:00Z'",
        '',
      ].join('\n'),
    );
    expect(sent).toEqual([
      {
        url: 'https://sts.amazonaws.com/',
        form: {
          Action: 'AssumeRoleWithSAML',
          Version: '2011-06-15',
          RoleArn: DEV,
          PrincipalArn: providerArn('111111111111'),
          SAMLAssertion: ASSERTION,
          DurationSeconds: '7200',
        },
      },
    ]);
  });

  it('uses --duration and --region, and fish or PowerShell syntax', async () => {
    const sent: Sent[] = [];
    const fish = await run(
      ['--role', OPS, '--duration', '900', '--region', 'eu-central-1', '--shell', 'fish'],
      {},
      sent,
    );
    expect(fish.stdout).toContain("set -gx AWS_SECRET_ACCESS_KEY 'secret/Ops+KEY0123456789'\n");
    expect(fish.stdout).toContain("set -gx AWS_REGION 'eu-central-1'\n");
    expect(sent[0]).toMatchObject({
      url: 'https://sts.eu-central-1.amazonaws.com/',
      form: { DurationSeconds: '900' },
    });
    const ps = await run(['--role', OPS, '--shell', 'powershell']);
    expect(ps.stdout).toContain("$Env:AWS_SECRET_ACCESS_KEY = 'secret/Ops+KEY0123456789'\n");
  });

  it('leaves DurationSeconds out when neither --duration nor SessionDuration sets it', async () => {
    const sent: Sent[] = [];
    const stdin = toBase64(buildSamlResponse({ roles: ROLES, sessionDuration: null }));
    await runMain(['credentials', '--role', DEV], { stdin, fetch: fakeSts(sent) });
    expect(sent[0]!.form).not.toHaveProperty('DurationSeconds');
  });

  it('prints credential_process JSON and an ini profile', async () => {
    const process = await run(['--role', DEV, '--format', 'process']);
    expect(JSON.parse(process.stdout)).toEqual({
      Version: 1,
      AccessKeyId: 'ASIADEV0000000000000',
      SecretAccessKey: 'secret/Dev+KEY0123456789',
      SessionToken: 'token+Dev/IQoJb3JpZ2luX2Vj==',
      Expiration: '2026-01-31T12:00:00Z',
    });
    const ini = await run(['--role', DEV, '--format', 'ini', '--profile-template', 'x-{roleName}']);
    expect(ini.stdout).toMatch(
      /^\[x-team-Dev\]\n# expires 2026-01-31T12:00:00Z\naws_access_key_id = ASIADEV0000000000000\n/,
    );
  });

  it('honours AWS_ENDPOINT_URL_STS before AWS_ENDPOINT_URL, unless told to ignore both', async () => {
    const urls = async (env: Record<string, string>) => {
      const sent: Sent[] = [];
      await run(['--role', DEV, '--region', 'us-west-2'], env, sent);
      return sent[0]!.url;
    };
    expect(await urls({ AWS_ENDPOINT_URL: 'http://127.0.0.1:1/any' })).toBe(
      'http://127.0.0.1:1/any',
    );
    expect(
      await urls({
        AWS_ENDPOINT_URL: 'http://127.0.0.1:1/any',
        AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:2/sts',
      }),
    ).toBe('http://127.0.0.1:2/sts');
    expect(
      await urls({
        AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:2/sts',
        AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true',
      }),
    ).toBe('https://sts.us-west-2.amazonaws.com/');
  });

  it('reports an STS refusal as one line with its meaning, exit 1, and no credentials', async () => {
    const { code, stdout, stderr } = await run(['--role', DENIED]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `saml-roles credentials: ${DENIED}: AccessDenied: Not authorized to perform sts:AssumeRoleWithSAML | The role's trust policy does not let this SAML provider assume it, or the assertion does not pair this role with this provider. Check that the trust policy allows sts:AssumeRoleWithSAML for the provider ARN (and its SAML:aud condition), and that the Role attribute lists this role with this provider.\n`,
    );
  });
});

describe('saml-roles credentials --all', () => {
  it('prints a profile per role that worked, lists the refusals on stderr and exits 1', async () => {
    const sent: Sent[] = [];
    const { code, stdout, stderr } = await run(['--all', '--region', 'eu-west-1'], {}, sent);
    expect(code).toBe(1);
    expect(stdout.match(/^\[.*\]$/gm)).toEqual(['[111111111111-team-Dev]', '[222222222222-Ops]']);
    expect(stdout).toContain('region = eu-west-1\n');
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^saml-roles credentials: ${DENIED}: AccessDenied: `)),
    ]);
    expect(sent.map((s) => s.form.RoleArn).sort()).toEqual([DEV, DENIED, OPS].sort());
  });

  it('exits 0 when every role worked', async () => {
    const stdin = toBase64(buildSamlResponse({ roles: ROLES.slice(0, 2) }));
    const result = await runMain(['credentials', '--all'], { stdin, fetch: fakeSts() });
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('saml-roles credentials: bad input and usage (exit 2, one line)', () => {
  it.each([
    [[], 'give --role ARN, or --all for every role'],
    [['--role', DEV, '--all'], 'give --role ARN or --all, not both'],
    [
      ['--all', '--format', 'env'],
      '--all writes one profile per role, so it takes only --format ini (got env)',
    ],
    [['--all', '--format', 'process'], 'takes only --format ini (got process)'],
    [['--role', DEV, '--format', 'yaml'], '--format "yaml" is not one of env, ini, process'],
    [
      ['--role', DEV, '--shell', 'tcsh'],
      '--shell "tcsh" is not one of bash, zsh, fish, powershell',
    ],
    [
      ['--role', DEV, '--format', 'ini', '--shell', 'fish'],
      '--shell applies to --format env, not ini',
    ],
    [
      ['--role', DEV, '--profile-template', '{x}'],
      '--profile-template applies to --format ini, not env',
    ],
    [
      ['--all', '--profile-template', '{x}'],
      '--profile-template: profile template "{x}": unknown placeholder "x"',
    ],
    [
      ['--role', DEV, '--duration', '12h'],
      '--duration: DurationSeconds "12h" must be a whole number of seconds from 900 to 43200',
    ],
    [['--role', DEV, '--duration', '43201'], 'DurationSeconds "43201" must be'],
    [
      ['--role', DEV, '--region', 'cn-north-1'],
      '--region: region cn-north-1 is in partition aws-cn, but the role is in aws',
    ],
    [['a', 'b', '--all'], 'credentials takes one FILE (or -), got 2'],
    [['--role', DEV, '--bogus'], "Unknown option '--bogus'"],
    [['--role', DEV, '--bogus'], "(see 'saml-roles credentials --help')"],
  ])('%j', async (args, message) => {
    const sent: Sent[] = [];
    const { code, stdout, stderr } = await run(args, {}, sent);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(sent).toEqual([]);
  });

  it('refuses a role in a partition it cannot reach, sending nothing anywhere', async () => {
    const iso = roleArn('444444444444', 'Iso', 'aws-iso');
    const stdin = toBase64(
      buildSamlResponse({ roles: [[iso, providerArn('444444444444', 'MyIdP', 'aws-iso')]] }),
    );
    for (const args of [['--role', iso], ['--all']]) {
      const sent: Sent[] = [];
      const result = await runMain(['credentials', ...args], { stdin, fetch: fakeSts(sent) });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(
        `saml-roles credentials: Role ${iso} is in partition "aws-iso", whose STS and console endpoints this tool does not know`,
      );
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(sent).toEqual([]);
    }
  });

  it('--all with one role it cannot reach: the others are printed, that one listed, exit 2', async () => {
    const iso = roleArn('444444444444', 'Iso', 'aws-iso');
    const gov = roleArn('555555555555', 'Gov', 'aws-us-gov');
    const stdin = toBase64(
      buildSamlResponse({
        roles: [
          [DEV, providerArn('111111111111')],
          [iso, providerArn('444444444444', 'MyIdP', 'aws-iso')],
          [gov, providerArn('555555555555', 'MyIdP', 'aws-us-gov')],
        ],
      }),
    );
    const sent: Sent[] = [];
    const result = await runMain(['credentials', '--all', '--region', 'eu-west-1'], {
      stdin,
      fetch: fakeSts(sent),
    });
    expect(result.code).toBe(2);
    expect(result.stdout.match(/^\[.*\]$/gm)).toEqual([
      '[111111111111-team-Dev]',
      '[555555555555-Gov]',
    ]);
    // The region is the aws roles'; GovCloud keeps its own default endpoint and writes none.
    expect(result.stdout.match(/^region = .*$/gm)).toEqual(['region = eu-west-1']);
    expect(sent.map((s) => s.url)).toEqual([
      'https://sts.eu-west-1.amazonaws.com/',
      'https://sts.us-gov-west-1.amazonaws.com/',
    ]);
    expect(result.stderr).toBe(
      `saml-roles credentials: Role ${iso} is in partition "aws-iso", whose STS and console endpoints this tool does not know; it sends an assertion only to its own partition's STS, never to another partition's. Get credentials for this role from inside that partition.\n`,
    );
  });

  it('refuses an isolated region for a role in aws', async () => {
    const sent: Sent[] = [];
    const { code, stderr } = await run(['--role', DEV, '--region', 'us-iso-east-1'], {}, sent);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'region us-iso-east-1 is in partition aws-iso, but the role is in aws',
    );
    expect(sent).toEqual([]);
  });

  it('names a bad endpoint variable', async () => {
    const { code, stderr } = await run(['--role', DEV], { AWS_ENDPOINT_URL_STS: 'localhost:4566' });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'saml-roles credentials: AWS_ENDPOINT_URL_STS: STS endpoint "localhost:4566" is not an http(s) URL such as https://sts.us-east-1.amazonaws.com\n',
    );
  });

  it('refuses a plain-http endpoint variable that is not this machine, before any call', async () => {
    const sent: Sent[] = [];
    const { code, stdout, stderr } = await run(
      ['--all'],
      { AWS_ENDPOINT_URL: 'http://sts.corp.example:8080' },
      sent,
    );
    expect({ code, stdout, sent }).toEqual({ code: 2, stdout: '', sent: [] });
    expect(stderr).toBe(
      'saml-roles credentials: AWS_ENDPOINT_URL: STS endpoint "http://sts.corp.example:8080" is plain http to another machine: the SAML assertion and the credentials STS returns would cross the network in clear text. Use https://, or http only to 127.0.0.1, ::1 or localhost\n',
    );
  });

  it('lists the roles and how to see them when --role is not in the assertion', async () => {
    const { code, stderr } = await run(['--role', roleArn('111111111111', 'Nope')]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `saml-roles credentials: --role arn:aws:iam::111111111111:role/Nope is not one of the assertion's roles (${DEV}, ${OPS}, ${DENIED}); list them with 'saml-roles inspect -'\n`,
    );
  });

  it('refuses input it cannot decode, or that has no role', async () => {
    const garbage = await runMain(['credentials', '--all'], {
      stdin: 'not%%base64',
      fetch: fakeSts(),
    });
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toMatch(/^saml-roles credentials: stdin: cannot decode: .+\n$/);
    const missing = await runMain(['credentials', 'nofile.xml', '--all'], { fetch: fakeSts() });
    expect(missing).toMatchObject({
      code: 2,
      stderr: `saml-roles credentials: no such file: ${resolve('nofile.xml')}\n`,
    });
    const roleless = await runMain(['credentials', '--all'], {
      stdin: toBase64(buildSamlResponse({ roles: [] })),
      fetch: fakeSts(),
    });
    expect(roleless.code).toBe(2);
    expect(roleless.stderr).toContain('stdin: the assertion has no usable Role value');
  });

  it('prints its usage for --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: saml-roles credentials \[FILE\|-\] --role ARN\|--all/);
    expect(stdout).toContain('AWS_ENDPOINT_URL_STS');
  });
});

describe('saml-roles credentials --settings', () => {
  const settings = JSON.stringify({
    accounts: { '111111111111': { alias: 'dev-account' }, '222222222222': { color: '#112233' } },
    favourites: [],
    recents: [],
  });
  const withFiles = (args: string[], files: Record<string, string>) =>
    runMain(['credentials', ...args], { stdin: ASSERTION, fetch: fakeSts(), files });

  it("names profiles with the aliases from the extension's exported settings", async () => {
    const result = await withFiles(['--all', '--settings', 's.json'], { 's.json': settings });
    expect(result.stdout).toContain('[dev-account-team-Dev]');
    // No alias for that account: the template falls back to the account ID.
    expect(result.stdout).toContain('[222222222222-Ops]');
  });

  it('refuses an unreadable or malformed settings file, and a format without profile names', async () => {
    expect(await withFiles(['--all', '--settings', 'missing.json'], {})).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`--settings: no such file: ${resolve('missing.json')}`),
    });
    expect(
      await withFiles(['--all', '--settings', 'bad.json'], { 'bad.json': '{nope' }),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--settings bad.json:'),
    });
    expect(
      await withFiles(['--role', DEV, '--settings', 's.json'], { 's.json': settings }),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--settings applies to --format ini, not env'),
    });
  });
});
