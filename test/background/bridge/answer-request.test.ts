import { describe, expect, it } from 'vitest';
import { bridgeRequestHandler } from '../../../src/background/bridge/answer-request.ts';
import type { ReSignIn } from '../../../src/background/bridge/deps.ts';
import { FRESH_MARGIN_MS } from '../../../src/background/bridge/role-credentials.ts';
import { readBridgeResponse, type BridgeResponse } from '../../../src/core/bridge.ts';
import { stsError } from '../../../src/idp/standin/sts-xml.ts';
import { NOW as STS_NOW } from '../../popup/sts-fake.ts';
import { FIXTURE_NOW, roleArn } from '../fixtures.ts';
import { bridgeWorld, ISSUER } from './bridge-world.ts';

const ROLE = roleArn(0, 1);
const credentialsRequest = (id: string, extra: Record<string, unknown> = {}) => ({
  v: 1,
  id,
  type: 'credentials',
  roleArn: ROLE,
  ...extra,
});

/** The answer as the CLI reads it: anything its reader refuses fails the test. */
function asRead(response: BridgeResponse): BridgeResponse {
  const read = readBridgeResponse(JSON.parse(JSON.stringify(response)));
  if (!read.ok) throw new Error(`the CLI's reader refuses the answer: ${read.problem}`);
  return read.value;
}

const keyOf = (response: BridgeResponse): string | undefined =>
  response.ok && response.type === 'credentials' ? response.credentials.accessKeyId : undefined;
const errorOf = (response: BridgeResponse) => (response.ok ? undefined : response.error);

describe('the bridge request handler', () => {
  it('answers status with the extension version and the roles of every capture, expired ones too', async () => {
    const world = bridgeWorld();
    await world.capture(3, { roles: 3 });
    world.setNow(Date.parse('2030-01-01T00:10:00Z'));
    await world.expire(3);
    expect((await world.deps.captures.summary(3))?.kind).toBe('expired');
    await world.capture(4, { roles: 1, notOnOrAfter: '2030-01-01T01:00:00Z' });
    const answer = asRead(
      await bridgeRequestHandler(world.deps)({ v: 1, id: 's1', type: 'status' }),
    );
    expect(answer).toEqual({
      v: 1,
      id: 's1',
      ok: true,
      type: 'status',
      status: {
        extensionVersion: '0.1.0',
        roleArns: [roleArn(0, 0), roleArn(0, 1), roleArn(0, 2)],
      },
    });
  });

  it('(b) calls STS with the newest live assertion holding the role, stores the keys in storage.session and returns them', async () => {
    const world = bridgeWorld();
    await world.capture(3, { sessionName: 'old@example.com' });
    world.setNow(FIXTURE_NOW + 1000);
    await world.capture(4, { sessionName: 'new@example.com' });
    const answer = asRead(await bridgeRequestHandler(world.deps)(credentialsRequest('c1')));
    expect(keyOf(answer)).toMatch(/^ASIA/);
    expect(world.sts.calls).toHaveLength(1);
    const assertion = Buffer.from(world.sts.calls[0]!.params.get('SAMLAssertion')!, 'base64');
    expect(assertion.toString()).toContain('new@example.com');
    expect(world.sts.calls[0]!.params.get('RoleArn')).toBe(ROLE);
    const stored = await world.deps.credentials.get(4, ROLE);
    expect(stored?.credentials.accessKeyId).toBe(keyOf(answer));
  });

  it('(a) returns stored credentials from any tab while more than the margin is left, then gets new ones', async () => {
    const world = bridgeWorld();
    // An assertion valid for two hours, so that only the credentials' margin decides.
    await world.capture(3, { notOnOrAfter: '2030-01-01T02:00:00Z' });
    const handle = bridgeRequestHandler(world.deps);
    const first = keyOf(asRead(await handle(credentialsRequest('c1'))));
    const expiry = STS_NOW + 3600_000;
    world.setNow(expiry - FRESH_MARGIN_MS - 1000);
    expect(keyOf(asRead(await handle(credentialsRequest('c2'))))).toBe(first);
    expect(world.sts.calls).toHaveLength(1);
    world.setNow(expiry - FRESH_MARGIN_MS + 1000);
    const third = keyOf(asRead(await handle(credentialsRequest('c3'))));
    expect(world.sts.calls).toHaveLength(2);
    expect(third).toMatch(/^ASIA/);
    expect(third).not.toBe(first);
  });

  it('(a) keeps credentials per STS region: another region is another call', async () => {
    const world = bridgeWorld();
    await world.capture(3);
    const handle = bridgeRequestHandler(world.deps);
    await handle(credentialsRequest('c1'));
    await handle(credentialsRequest('c2', { region: 'eu-west-1' }));
    await handle(credentialsRequest('c3', { region: 'eu-west-1' }));
    expect(world.sts.calls.map((call) => new URL(call.url).host)).toEqual([
      'sts.amazonaws.com',
      'sts.eu-west-1.amazonaws.com',
    ]);
  });

  it('passes DurationSeconds and uses the custom STS endpoint of the options', async () => {
    const world = bridgeWorld({ settings: { stsEndpoint: 'https://sts.vpce.example.com' } });
    await world.capture(3);
    await bridgeRequestHandler(world.deps)(credentialsRequest('c1', { durationSeconds: 7200 }));
    expect(world.sts.calls[0]!.url).toMatch(/^https:\/\/sts\.vpce\.example\.com/);
    expect(world.sts.calls[0]!.params.get('DurationSeconds')).toBe('7200');
  });

  it('(c) asks the issuer of the last assertion holding the role for a new one when all expired, then calls STS with it', async () => {
    const asked: string[] = [];
    const reSignIn: ReSignIn = async (issuer) => {
      asked.push(issuer);
      return {
        ok: true,
        capture: world.decoded(9, {
          sessionName: 'fresh@example.com',
          notOnOrAfter: '2030-01-01T01:00:00Z',
        }),
      };
    };
    const world = bridgeWorld({ reSignIn });
    await world.capture(3);
    world.setNow(Date.parse('2030-01-01T00:30:00Z'));
    await world.expire(3);
    const answer = asRead(await bridgeRequestHandler(world.deps)(credentialsRequest('c1')));
    expect(asked).toEqual([ISSUER]);
    expect(keyOf(answer)).toMatch(/^ASIA/);
    const assertion = Buffer.from(world.sts.calls[0]!.params.get('SAMLAssertion')!, 'base64');
    expect(assertion.toString()).toContain('fresh@example.com');
  });

  it('(c) passes on what the re-sign-in says, e.g. that the IdP needs the user', async () => {
    const world = bridgeWorld({
      reSignIn: async () => ({
        ok: false,
        error: {
          code: 'idp-needs-user',
          message: 'sign in at https://idp.example.com/',
          signInUrl: 'https://idp.example.com/',
        },
      }),
    });
    await world.capture(3);
    world.setNow(Date.parse('2030-01-01T00:30:00Z'));
    await world.expire(3);
    const error = errorOf(asRead(await bridgeRequestHandler(world.deps)(credentialsRequest('c1'))));
    expect(error).toMatchObject({
      code: 'idp-needs-user',
      message: 'sign in at https://idp.example.com/',
    });
    expect(world.sts.calls).toHaveLength(0);
  });

  it('(c) by default says the assertions expired and to sign in again (no keep-fresh wired in)', async () => {
    const world = bridgeWorld();
    await world.capture(3);
    world.setNow(Date.parse('2030-01-01T00:30:00Z'));
    await world.expire(3);
    const error = errorOf(asRead(await bridgeRequestHandler(world.deps)(credentialsRequest('c1'))));
    expect(error?.code).toBe('no-capture');
    expect(error?.message).toContain(ISSUER);
    expect(error?.message).toMatch(/sign in/);
  });

  it('(c) refuses a fresh assertion that no longer holds the role', async () => {
    const world = bridgeWorld({
      reSignIn: async () => ({
        ok: true,
        capture: world.decoded(9, { roles: 1, notOnOrAfter: '2030-01-01T01:00:00Z' }),
      }),
    });
    await world.capture(3);
    world.setNow(Date.parse('2030-01-01T00:30:00Z'));
    await world.expire(3);
    const error = errorOf(asRead(await bridgeRequestHandler(world.deps)(credentialsRequest('c1'))));
    expect(error).toMatchObject({ code: 'no-capture' });
    expect(error?.message).toContain(`no longer holds ${ROLE}`);
  });

  it('says no-capture when no capture of this session ever held the role', async () => {
    const world = bridgeWorld();
    await world.capture(3, { roles: 1 });
    const error = errorOf(asRead(await bridgeRequestHandler(world.deps)(credentialsRequest('c1'))));
    expect(error?.code).toBe('no-capture');
    expect(error?.message).toContain(ROLE);
    expect(world.sts.calls).toHaveLength(0);
  });

  it("answers STS's refusal as sts-refused with the core's explanation, cut to what the CLI's reader accepts", async () => {
    const world = bridgeWorld({
      sts: () =>
        stsError(
          'AccessDenied',
          `Not authorized to perform sts:AssumeRoleWithSAML ${'x'.repeat(5000)}`,
        ),
    });
    await world.capture(3);
    const error = errorOf(asRead(await bridgeRequestHandler(world.deps)(credentialsRequest('c1'))));
    expect(error?.code).toBe('sts-refused');
    expect(error?.message).toContain('AccessDenied: Not authorized');
    expect(error?.message.length).toBeLessThanOrEqual(2048);
    expect(await world.deps.credentials.get(3, ROLE)).toBeUndefined();
  });

  it('answers a network failure on the way to STS as sts-refused, never a rejection', async () => {
    const world = bridgeWorld({ sts: () => new Error('connect ECONNREFUSED') });
    await world.capture(3);
    const error = errorOf(asRead(await bridgeRequestHandler(world.deps)(credentialsRequest('c1'))));
    expect(error?.code).toBe('sts-refused');
    expect(error?.message).toContain('ECONNREFUSED');
  });

  it('answers a region of another partition as bad-request, without calling STS', async () => {
    const world = bridgeWorld();
    await world.capture(3);
    const error = errorOf(
      asRead(
        await bridgeRequestHandler(world.deps)(credentialsRequest('c1', { region: 'cn-north-1' })),
      ),
    );
    expect(error?.code).toBe('bad-request');
    expect(error?.message).toContain('cn-north-1');
    expect(world.sts.calls).toHaveLength(0);
  });

  it('makes one STS call for concurrent requests for the same role, each answered under its own id', async () => {
    const world = bridgeWorld();
    await world.capture(3);
    const handle = bridgeRequestHandler(world.deps);
    const answers = await Promise.all(
      ['c1', 'c2', 'c3'].map((id) => handle(credentialsRequest(id))),
    );
    expect(world.sts.calls).toHaveLength(1);
    expect(answers.map((a) => a.id)).toEqual(['c1', 'c2', 'c3']);
    expect(new Set(answers.map(keyOf)).size).toBe(1);
    // Once settled, a later request is not stuck on the old call.
    world.setNow(STS_NOW + 3600_000 - 60_000);
    await handle(credentialsRequest('c4'));
  });

  it.each([
    ['not an object', 'x', 'unknown', /not a JSON object/],
    ['no id', { v: 1, type: 'status' }, 'unknown', /"id"/],
    ['another version', { v: 2, id: 'a', type: 'status' }, 'a', /protocol version 2/],
    ['an unknown type', { v: 1, id: 'b', type: 'delete' }, 'b', /unknown request type "delete"/],
    [
      'a duration out of bounds',
      credentialsRequest('d', { durationSeconds: 60 }),
      'd',
      /"durationSeconds"/,
    ],
    [
      'a role that is no string',
      { v: 1, id: 'e', type: 'credentials', roleArn: 7 },
      'e',
      /"roleArn"/,
    ],
  ])(
    'answers a message with %s as bad-request with the reader problem',
    async (_, message, id, problem) => {
      const world = bridgeWorld();
      const answer = asRead(await bridgeRequestHandler(world.deps)(message));
      expect(answer.id).toBe(id);
      expect(errorOf(answer)?.code).toBe('bad-request');
      expect(errorOf(answer)?.message).toMatch(problem);
    },
  );
});
