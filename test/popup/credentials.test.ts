import { describe, expect, it } from 'vitest';
import type { RolePair } from '../../src/core/index.ts';
import { stsError } from '../../src/idp/standin/sts-xml.ts';
import {
  allRolesIni,
  requestAllRoles,
  retryRole,
  withRoleState,
  type AllRolesOutcome,
} from '../../src/popup/credentials/model/all-roles.ts';
import { credentialOutputs } from '../../src/popup/credentials/model/outputs.ts';
import {
  initialRegion,
  readDuration,
  regionChoices,
} from '../../src/popup/credentials/model/request.ts';
import {
  expireIfDue,
  requestCredentials,
  type CredentialsState,
} from '../../src/popup/credentials/model/state.ts';
import type { CredentialSettings } from '../../src/shared/credential-settings.ts';
import { credentialsStore } from '../../src/shared/credentials-store.ts';
import { memoryArea } from '../background/memory-area.ts';
import { fakeSts, NOW, rolePair, tooLong } from './sts-fake.ts';

const role = rolePair;
const ADMIN = role('111111111111', 'Admin');
const READ = role('222222222222', 'team/ReadOnly');
const ISO = role('888888888888', 'Isolated', 'aws-iso');
const settings = { accounts: { '111111111111': { alias: 'prod' } }, credentials: {} };

function deps(answer?: Parameters<typeof fakeSts>[0]) {
  const sts = fakeSts(answer);
  const area = memoryArea();
  let now = NOW;
  const store = credentialsStore(area, () => now);
  return { sts, area, store, deps: { fetch: sts.fetch, store }, setNow: (t: number) => (now = t) };
}
const request = {
  tabId: 7,
  role: ADMIN,
  samlAssertion: 'PHNhbWw+',
  region: '',
  durationText: '',
  settings,
};
const withCredentialSettings = (credentials: CredentialSettings) => ({
  ...request,
  settings: { ...settings, credentials },
});

describe('credentials request form', () => {
  it('offers the global endpoint and every STS region of the role partition', () => {
    const aws = regionChoices('aws');
    expect(aws[0]).toEqual({ value: '', label: 'Global (sts.amazonaws.com)' });
    expect(aws.map((c) => c.value)).toContain('eu-west-1');
    expect(regionChoices('aws-us-gov').map((c) => c.value)).toEqual([
      '',
      'us-gov-west-1',
      'us-gov-east-1',
    ]);
    expect(regionChoices('aws-cn')[0]!.label).toBe('Default (sts.cn-north-1.amazonaws.com.cn)');
    expect(initialRegion('aws', 'eu-west-1')).toBe('eu-west-1');
    expect(initialRegion('aws-cn', 'eu-west-1')).toBe('');
  });

  it('checks the duration as typed: empty lets STS choose, else 900..43200', () => {
    expect(readDuration('')).toEqual({ ok: true });
    expect(readDuration(' 7200 ')).toEqual({ ok: true, seconds: 7200 });
    for (const bad of ['899', '43201', '1h', '3600.5'])
      expect(readDuration(bad)).toEqual({
        ok: false,
        message: expect.stringMatching(/900.*43200/),
      });
  });

  it('picks the endpoint per partition and region, or the custom one', async () => {
    const urlFor = async (role: RolePair, region: string, credentials: CredentialSettings = {}) => {
      const t = deps();
      await requestCredentials({ ...withCredentialSettings(credentials), role, region }, t.deps);
      return t.sts.calls.map((c) => c.url);
    };
    expect(await urlFor(ADMIN, '')).toEqual(['https://sts.amazonaws.com/']);
    expect(await urlFor(ADMIN, 'eu-west-1')).toEqual(['https://sts.eu-west-1.amazonaws.com/']);
    expect(await urlFor(role('1', 'G', 'aws-us-gov'), '')).toEqual([
      'https://sts.us-gov-west-1.amazonaws.com/',
    ]);
    expect(await urlFor(role('1', 'C', 'aws-cn'), 'cn-northwest-1')).toEqual([
      'https://sts.cn-northwest-1.amazonaws.com.cn/',
    ]);
    expect(await urlFor(ADMIN, 'eu-west-1', { stsEndpoint: 'http://127.0.0.1:9000/' })).toEqual([
      'http://127.0.0.1:9000/',
    ]);
    const invalid = async (region: string, credentials: CredentialSettings = {}) => {
      const t = deps();
      const state = await requestCredentials(
        { ...withCredentialSettings(credentials), region },
        t.deps,
      );
      expect(t.sts.calls).toEqual([]);
      return state;
    };
    expect(await invalid('', { stsEndpoint: 'ftp://x' })).toMatchObject({ kind: 'invalid' });
    expect(await invalid('', { stsEndpoint: 'http://sts.corp.example/' })).toEqual({
      kind: 'invalid',
      message: expect.stringContaining('would cross the network in clear text'),
    });
    expect(await invalid('cn-north-1')).toEqual({
      kind: 'invalid',
      message: expect.stringContaining('partition aws-cn'),
    });
  });
});

describe('profile names and outputs', () => {
  it('uses the account alias, falls back to the ID, and to the default template when the setting names nothing', async () => {
    const profile = async (r: typeof request) => {
      const state = await requestCredentials(r, deps().deps);
      return state.kind === 'ready' ? state.entry.profile : state;
    };
    expect(await profile(request)).toBe('prod-Admin');
    expect(await profile({ ...request, role: READ })).toBe('222222222222-team-ReadOnly');
    const custom = withCredentialSettings({ profileTemplate: '{accountId}_{roleName}_{region}' });
    expect(await profile({ ...custom, region: 'eu-west-1' })).toBe('111111111111_Admin_eu-west-1');
    expect(await profile(withCredentialSettings({ profileTemplate: '{region}' }))).toBe(
      'prod-Admin',
    );
    // Stored settings never hold a broken template (they are checked on load); if one got
    // through, nothing is sent.
    expect(await profile(withCredentialSettings({ profileTemplate: '{nope}' }))).toEqual({
      kind: 'invalid',
      message: expect.stringMatching(/unknown placeholder "nope"/),
    });
  });

  it('formats bash, fish, PowerShell, an INI profile and credential_process JSON', () => {
    const credentials = {
      accessKeyId: 'ASIAXAMPLE',
      secretAccessKey: "s'cret",
      sessionToken: 'tok',
      expiration: '2030-01-01T01:00:00Z',
    };
    const outputs = Object.fromEntries(
      credentialOutputs(credentials, 'prod-Admin', 'eu-west-1').map((o) => [o.id, o.text]),
    );
    expect(outputs.bash).toContain("export AWS_SECRET_ACCESS_KEY='s'\\''cret'");
    expect(outputs.bash).toContain("export AWS_REGION='eu-west-1'");
    expect(outputs.fish).toContain("set -gx AWS_ACCESS_KEY_ID 'ASIAXAMPLE'");
    expect(outputs.powershell).toContain("$Env:AWS_SECRET_ACCESS_KEY = 's''cret'");
    expect(outputs.ini).toMatch(/^\[prod-Admin\]\n[\s\S]*region = eu-west-1\n$/);
    expect(JSON.parse(outputs.process!)).toEqual({
      Version: 1,
      AccessKeyId: 'ASIAXAMPLE',
      SecretAccessKey: "s'cret",
      SessionToken: 'tok',
      Expiration: '2030-01-01T01:00:00Z',
    });
  });

  it('shows why instead of a broken panel when a value cannot be written in a format', () => {
    const credentials = {
      accessKeyId: 'ASIAXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'tok',
      expiration: '2030-01-01T01:00:00Z\nrm -rf ~',
    };
    const outputs = credentialOutputs(credentials, 'prod-Admin');
    expect(outputs.map((o) => o.text)).toEqual([
      '# not shown: bash output: expiration holds U+000A at character 21, which bash output cannot hold safely\n',
      '# not shown: fish output: expiration holds U+000A at character 21, which fish output cannot hold safely\n',
      '# not shown: powershell output: expiration holds U+000A at character 21, which powershell output cannot hold safely\n',
      '# not shown: ini output: expiration holds U+000A at character 21, which ini output cannot hold safely\n',
      '# not shown: credential_process output: expiration holds U+000A at character 21, which credential_process output cannot hold safely\n',
    ]);
  });
});

describe('one role', () => {
  it('calls the chosen regional endpoint with the duration and keeps the credentials for the tab and role', async () => {
    const t = deps();
    const state = await requestCredentials(
      { ...request, region: 'eu-west-1', durationText: '7200' },
      t.deps,
    );
    expect(state.kind).toBe('ready');
    expect(t.sts.calls[0]!.url).toBe('https://sts.eu-west-1.amazonaws.com/');
    expect(t.sts.calls[0]!.params.get('DurationSeconds')).toBe('7200');
    expect(t.sts.calls[0]!.params.get('PrincipalArn')).toBe(ADMIN.providerArn);
    const stored = await t.store.get(7, ADMIN.roleArn);
    expect(stored).toMatchObject({ region: 'eu-west-1', tabId: 7, roleArn: ADMIN.roleArn });
    expect(stored!.credentials.expiration).toBe('2030-01-01T02:00:00Z');
    expect([...t.area.data.keys()]).toEqual([`credentials:7:${ADMIN.roleArn}`]);
  });

  it('leaves DurationSeconds out when the field is empty, and refuses a bad one before calling', async () => {
    const t = deps();
    await requestCredentials(request, t.deps);
    expect(t.sts.calls[0]!.params.has('DurationSeconds')).toBe(false);
    const invalid = await requestCredentials({ ...request, durationText: '60' }, t.deps);
    expect(invalid).toMatchObject({ kind: 'invalid' });
    expect(t.sts.calls).toHaveLength(1);
  });

  it('explains "DurationSeconds exceeds MaxSessionDuration" and the retry at the allowed length succeeds', async () => {
    const t = deps((call) =>
      call.params.get('DurationSeconds') === '7200' ? tooLong() : undefined,
    );
    const failed = await requestCredentials({ ...request, durationText: '7200' }, t.deps);
    expect(failed).toMatchObject({ kind: 'failed', error: { code: 'ValidationError' } });
    const retry = failed.kind === 'failed' ? failed.error.retryDurationSeconds : undefined;
    expect(retry).toBe(3600);
    const retried = await requestCredentials({ ...request, durationText: String(retry) }, t.deps);
    expect(retried.kind).toBe('ready');
    expect(await t.store.get(7, ADMIN.roleArn)).toBeDefined();
  });

  it.each([
    ['InvalidIdentityToken', /could not validate the SAML assertion/],
    ['ExpiredTokenException', /validity window/],
    ['IDPRejectedClaim', /reported a failure/],
  ] as const)('shows %s with what it means and what to do', async (code, meaning) => {
    const t = deps(() => stsError(code, `AWS says ${code}`));
    const state = await requestCredentials(request, t.deps);
    expect(state).toMatchObject({
      kind: 'failed',
      error: { code, message: `AWS says ${code}`, meaning: expect.stringMatching(meaning) },
    });
    expect(state.kind === 'failed' && state.error.action).toBeTruthy();
    expect(state.kind === 'failed' && state.error.retryDurationSeconds).toBeUndefined();
    expect(t.area.data.size).toBe(0);
  });

  it('turns a network failure into NetworkError naming the host', async () => {
    const t = deps(() => new TypeError('Failed to fetch'));
    const state = await requestCredentials(request, t.deps);
    expect(state).toMatchObject({
      kind: 'failed',
      error: { code: 'NetworkError', message: 'sts.amazonaws.com: Failed to fetch' },
    });
  });

  it('drops credentials at expiry, from view and from storage', async () => {
    const t = deps();
    const ready = await requestCredentials(request, t.deps);
    expect(await expireIfDue(ready, NOW + 3_599_000, t.store)).toBe(ready);
    const expired = await expireIfDue(ready, NOW + 3_600_000, t.store);
    expect(expired).toEqual({ kind: 'expired', expiration: '2030-01-01T01:00:00Z' });
    expect(t.area.data.size).toBe(0);
    const idle: CredentialsState = { kind: 'idle' };
    expect(await expireIfDue(idle, NOW * 2, t.store)).toBe(idle);
  });
});

describe('a partition the tool cannot reach', () => {
  it('refuses one role before any call, saying why, instead of asking the public STS', async () => {
    const t = deps();
    const state = await requestCredentials({ ...request, role: ISO }, t.deps);
    expect(state).toEqual({
      kind: 'invalid',
      message: expect.stringContaining(
        `Role ${ISO.roleArn} is in partition "aws-iso", whose STS and console endpoints this tool does not know`,
      ),
    });
    expect(t.sts.calls).toEqual([]);
    expect(t.area.data.size).toBe(0);
  });

  it('refuses it even with a custom STS endpoint set', async () => {
    const t = deps();
    const state = await requestCredentials(
      { ...withCredentialSettings({ stsEndpoint: 'http://127.0.0.1:9000/' }), role: ISO },
      t.deps,
    );
    expect(state.kind).toBe('invalid');
    expect(t.sts.calls).toEqual([]);
  });

  it('leaves it out of all roles, listed with the reason, and asks STS for the others', async () => {
    const t = deps();
    const outcome = (await requestAllRoles(
      {
        tabId: 3,
        roles: [ADMIN, ISO, READ],
        samlAssertion: 'PHNhbWw+',
        region: 'eu-west-1',
        durationText: '',
        settings,
      },
      t.deps,
    )) as AllRolesOutcome;
    expect(t.sts.calls.map((c) => c.params.get('RoleArn'))).toEqual([ADMIN.roleArn, READ.roleArn]);
    expect(outcome.succeeded.map((s) => s.role.roleName)).toEqual(['Admin', 'team/ReadOnly']);
    expect(outcome.skipped).toEqual([
      { role: ISO, message: expect.stringContaining('partition "aws-iso"') },
    ]);
    expect(outcome.failed).toEqual([]);
  });
});

describe('credentials store', () => {
  it('drops expired entries on read and in a sweep, and every entry of a closed tab', async () => {
    const t = deps();
    await requestCredentials(request, t.deps);
    await requestCredentials({ ...request, tabId: 8, durationText: '7200' }, t.deps);
    await requestCredentials({ ...request, tabId: 9, role: READ, durationText: '7200' }, t.deps);
    t.area.data.set('settings', { keep: true });
    t.setNow(NOW + 3_600_000);
    expect(await t.store.get(7, ADMIN.roleArn)).toBeUndefined();
    expect(t.area.data.has(`credentials:7:${ADMIN.roleArn}`)).toBe(false);
    expect(await t.store.sweep(9)).toBe(1);
    expect([...t.area.data.keys()]).toEqual([`credentials:8:${ADMIN.roleArn}`, 'settings']);
    t.setNow(NOW + 7_200_000);
    expect(await t.store.sweep()).toBe(1);
    expect([...t.area.data.keys()]).toEqual(['settings']);
  });
});

describe('all roles', () => {
  const roles = [
    ADMIN,
    READ,
    role('333333333333', 'Deny'),
    role('444444444444', 'Short'),
    role('555555555555', 'A'),
    role('666666666666', 'B'),
    role('777777777777', 'Gov', 'aws-us-gov'),
  ];
  const allRequest = {
    tabId: 3,
    roles,
    samlAssertion: 'PHNhbWw+',
    region: 'eu-west-1',
    durationText: '7200',
    settings,
  };
  const answer: Parameters<typeof fakeSts>[0] = (call) => {
    const arn = call.params.get('RoleArn') ?? '';
    if (arn.endsWith('/Deny')) return stsError('AccessDenied', 'Not authorized');
    if (arn.endsWith('/Short') && call.params.get('DurationSeconds') === '7200') return tooLong();
    return undefined;
  };

  it('calls STS once per role, four at a time, one profile per granted role, refusals with AWS error', async () => {
    const t = deps(answer);
    const outcome = (await requestAllRoles(allRequest, t.deps)) as AllRolesOutcome;
    expect(t.sts.calls).toHaveLength(7);
    expect(t.sts.inFlight.max).toBe(4);
    // The region applies to the roles of its partition; GovCloud keeps its default endpoint.
    const urls = new Map(t.sts.calls.map((c) => [c.params.get('RoleArn'), c.url]));
    expect(urls.get(ADMIN.roleArn)).toBe('https://sts.eu-west-1.amazonaws.com/');
    expect(urls.get(roles[6]!.roleArn)).toBe('https://sts.us-gov-west-1.amazonaws.com/');
    expect(outcome.succeeded.map((s) => s.entry.profile)).toEqual([
      'prod-Admin',
      '222222222222-team-ReadOnly',
      '555555555555-A',
      '666666666666-B',
      '777777777777-Gov',
    ]);
    expect(outcome.failed.map((f) => [f.role.roleName, f.error.code])).toEqual([
      ['Deny', 'AccessDenied'],
      ['Short', 'ValidationError'],
    ]);
    const ini = allRolesIni(outcome);
    expect(ini.match(/^\[/gm)).toHaveLength(5);
    expect(ini).toContain('[prod-Admin]\n# expires 2030-01-01T02:00:00Z\n');
    expect(ini).toContain('region = eu-west-1');
    expect(t.area.data.size).toBe(5);

    // Retrying the refused role at the allowed length moves it to the file, in role order.
    const short = roles[3]!;
    const failure = outcome.failed.find((f) => f.role === short)!;
    expect(failure.region).toBe('eu-west-1');
    const state = await retryRole(allRequest, failure, failure.error.retryDurationSeconds!, t.deps);
    expect(t.sts.calls[7]!.url).toBe('https://sts.eu-west-1.amazonaws.com/');
    expect(t.sts.calls[7]!.params.get('DurationSeconds')).toBe('3600');
    const next = withRoleState(outcome, roles, short, state);
    expect(next.failed.map((f) => f.role.roleName)).toEqual(['Deny']);
    expect(next.succeeded.map((s) => s.role.roleName)).toEqual([
      'Admin',
      'team/ReadOnly',
      'Short',
      'A',
      'B',
      'Gov',
    ]);
  });

  it('refuses a bad duration or custom endpoint before any call', async () => {
    const t = deps();
    expect(await requestAllRoles({ ...allRequest, durationText: 'x' }, t.deps)).toEqual({
      invalid: expect.stringMatching(/900/),
    });
    const badEndpoint = { ...settings, credentials: { stsEndpoint: 'not a url' } };
    expect(await requestAllRoles({ ...allRequest, settings: badEndpoint }, t.deps)).toEqual({
      invalid: expect.stringMatching(/not an http\(s\) URL/),
    });
    expect(t.sts.calls).toHaveLength(0);
  });
});
