import { describe, expect, it } from 'vitest';
import { getCredentials, type CredentialsRequest } from '../../../src/core/credentials.ts';
import { stsError } from '../../../src/idp/standin/sts-xml.ts';
import { fakeSts, rolePair } from '../../popup/sts-fake.ts';

const role = rolePair;
const ADMIN = role('111111111111', 'Admin');
const DENY = role('222222222222', 'team/Deny');
const GOV = role('333333333333', 'Gov', 'aws-us-gov');
const ISO = role('444444444444', 'Iso', 'aws-iso');

/** Grants every role but `*Deny`, as the stand-in's STS answers; records each call. */
const sts = () =>
  fakeSts((call) =>
    call.params.get('RoleArn')!.endsWith('/Deny') ? stsError('AccessDenied', 'no') : undefined,
  );

const request = (more: Partial<CredentialsRequest> = {}): CredentialsRequest => ({
  roles: [ADMIN],
  samlAssertion: 'PHNhbWw+',
  ...more,
});

describe('getCredentials: one plan for the CLI and the popup', () => {
  it('grants a role with its profile name, asking the global endpoint for the SessionDuration', async () => {
    const t = sts();
    const outcome = await getCredentials(
      request({ sessionDuration: 7200, accountAliases: { '111111111111': 'prod' } }),
      t,
    );
    expect(outcome).toEqual({
      ok: true,
      roles: [
        {
          kind: 'granted',
          role: ADMIN,
          profile: { name: 'prod-Admin' },
          credentials: {
            accessKeyId: expect.stringMatching(/^ASIA[A-Z2-7]{16}$/),
            secretAccessKey: expect.any(String),
            sessionToken: expect.any(String),
            expiration: '2030-01-01T02:00:00Z',
          },
          assumedRoleArn: 'arn:aws:sts::111111111111:assumed-role/Admin/bob',
        },
      ],
    });
    expect(t.calls.map((c) => [c.url, c.params.get('DurationSeconds')])).toEqual([
      ['https://sts.amazonaws.com/', '7200'],
    ]);
  });

  it('a typed duration wins over SessionDuration; neither leaves DurationSeconds out', async () => {
    const t = sts();
    await getCredentials(request({ duration: ' 900 ', sessionDuration: 7200 }), t);
    await getCredentials(request({ sessionDuration: 60 }), t);
    await getCredentials(request(), t);
    expect(t.calls.map((c) => c.params.get('DurationSeconds'))).toEqual(['900', null, null]);
  });

  it('collects every role: grants and refusals in the roles order, four calls at a time', async () => {
    const t = sts();
    const roles = [
      ADMIN,
      DENY,
      ...['A', 'B', 'C', 'D', 'E'].map((n, i) => role(`55555555555${i}`, n)),
    ];
    const outcome = await getCredentials(request({ roles }), t);
    expect(t.calls).toHaveLength(7);
    expect(t.inFlight.max).toBe(4);
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.roles.map((r) => [r.role.roleName, r.kind])).toEqual([
      ['Admin', 'granted'],
      ['team/Deny', 'refused'],
      ['A', 'granted'],
      ['B', 'granted'],
      ['C', 'granted'],
      ['D', 'granted'],
      ['E', 'granted'],
    ]);
    expect(outcome.roles[1]).toMatchObject({
      kind: 'refused',
      profile: { name: '222222222222-team-Deny' },
      error: { code: 'AccessDenied', message: 'no', meaning: expect.any(String) },
    });
  });

  it('sends a role in a partition it cannot reach nowhere, saying why, and gets the others', async () => {
    const t = sts();
    const outcome = await getCredentials(
      request({ roles: [ISO, ADMIN], customEndpoint: 'http://127.0.0.1:9000/' }),
      t,
    );
    expect(t.calls.map((c) => [c.url, c.params.get('RoleArn')])).toEqual([
      ['http://127.0.0.1:9000/', ADMIN.roleArn],
    ]);
    expect(outcome.ok && outcome.roles.map((r) => r.kind)).toEqual(['unreachable', 'granted']);
    expect(outcome.ok && outcome.roles[0]).toEqual({
      kind: 'unreachable',
      role: ISO,
      message: expect.stringContaining(`Role ${ISO.roleArn} is in partition "aws-iso"`),
    });
  });

  it('applies a region to the roles of its partition; the others keep their default endpoint', async () => {
    const t = sts();
    const outcome = await getCredentials(
      request({ roles: [ADMIN, GOV], region: 'eu-west-1', profileTemplate: '{roleName}-{region}' }),
      t,
    );
    expect(t.calls.map((c) => c.url)).toEqual([
      'https://sts.eu-west-1.amazonaws.com/',
      'https://sts.us-gov-west-1.amazonaws.com/',
    ]);
    expect(
      outcome.ok && outcome.roles.map((r) => r.kind === 'granted' && [r.region, r.profile]),
    ).toEqual([
      ['eu-west-1', { name: 'Admin-eu-west-1' }],
      [undefined, { name: 'Gov' }],
    ]);
  });

  it('falls back to the default template for a role the template names nothing, saying why', async () => {
    const outcome = await getCredentials(request({ profileTemplate: '{region}' }), sts());
    expect(outcome.ok && outcome.roles[0]).toMatchObject({
      kind: 'granted',
      profile: {
        name: '111111111111-Admin',
        problem: 'profile template "{region}" gives an empty name for 111111111111/Admin',
      },
    });
  });

  it.each([
    [{ duration: '12h' }, 'duration-invalid', 'DurationSeconds "12h" must be a whole number'],
    [{ duration: '' }, 'duration-invalid', 'DurationSeconds "" must be'],
    [{ duration: '43201' }, 'duration-invalid', 'from 900 to 43200'],
    [{ profileTemplate: '{x}' }, 'profile-template-invalid', 'unknown placeholder "x"'],
    [{ customEndpoint: 'localhost:4566' }, 'endpoint-invalid', 'is not an http(s) URL'],
    [{ customEndpoint: 'http://sts.corp.example' }, 'endpoint-insecure', 'clear text'],
    [{ region: 'moon-1' }, 'region-invalid', 'region "moon-1" is not an AWS region name'],
    [
      { region: 'cn-north-1' },
      'region-invalid',
      'region cn-north-1 is in partition aws-cn, but the role is in aws',
    ],
    [
      { roles: [ADMIN, GOV, ISO], region: 'us-iso-east-1' },
      'region-invalid',
      'region us-iso-east-1 is in partition aws-iso, but the roles are in aws, aws-us-gov',
    ],
  ] as const)('refuses %j before any call', async (more, code, message) => {
    const t = sts();
    const outcome = await getCredentials(request(more), t);
    expect(outcome).toEqual({
      ok: false,
      error: expect.objectContaining({ code, message: expect.stringContaining(message) }),
    });
    expect(t.calls).toEqual([]);
  });

  it("a network failure is that role's explained NetworkError, never a rejection", async () => {
    const outcome = await getCredentials(request({ roles: [ADMIN, GOV] }), {
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(outcome.ok && outcome.roles.map((r) => r.kind === 'refused' && r.error.message)).toEqual(
      ['sts.amazonaws.com: Failed to fetch', 'sts.us-gov-west-1.amazonaws.com: Failed to fetch'],
    );
  });
});
