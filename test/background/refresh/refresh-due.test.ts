import { describe, expect, it } from 'vitest';
import { captureFromPost } from '../../../src/background/capture/from-post.ts';
import { captureStore } from '../../../src/background/capture/store.ts';
import {
  keepFreshStore,
  withRoleKeptFresh,
} from '../../../src/shared/keep-fresh/keep-fresh-settings.ts';
import type { ReSignInResult } from '../../../src/background/refresh/re-sign-in.ts';
import { refreshDue, type RefreshDeps } from '../../../src/background/refresh/refresh-due.ts';
import { refreshStatusStore } from '../../../src/shared/keep-fresh/refresh-status.ts';
import type { CredentialsOutcome, CredentialsRequest } from '../../../src/core/credentials.ts';
import { inspectPostedForm as inspect } from '../../../src/core/index.ts';
import type { DecodedCapture } from '../../../src/shared/capture.ts';
import { credentialsStore } from '../../../src/shared/credentials-store.ts';
import { FIXTURE_NOW, roleArn, samlResponseBase64 } from '../fixtures.ts';
import { memoryArea } from '../memory-area.ts';

const ISSUER = 'https://idp.example.com/';
const MIN = 60_000;
const ROLE_A = roleArn(0, 0);
const ROLE_B = roleArn(0, 1);

function capture(tabId: number, sessionName = 'alice@example.com'): DecodedCapture {
  const post = {
    tabId,
    url: 'https://signin.aws.amazon.com/saml',
    body: { formData: { SAMLResponse: [samlResponseBase64({ sessionName })] } },
    initiator: 'https://idp.example.com',
  };
  return captureFromPost(post, { inspect, now: () => FIXTURE_NOW }) as DecodedCapture;
}

const keys = (n: number, expiresAt: number) => ({
  accessKeyId: `ASIA${n}`,
  secretAccessKey: `secret${n}`,
  sessionToken: `token${n}`,
  expiration: new Date(expiresAt).toISOString(),
});

async function setup(options: { reSignIn?: (issuer: string) => Promise<ReSignInResult> } = {}) {
  const session = memoryArea();
  const local = memoryArea();
  let now = FIXTURE_NOW;
  let issued = 0;
  const signIns: string[] = [];
  const stsRequests: CredentialsRequest[] = [];
  const credentials = credentialsStore(session, () => now);
  const captures = captureStore(session);
  await captures.put(capture(1));
  for (const arn of [ROLE_A, ROLE_B])
    await credentials.put({
      tabId: 1,
      roleArn: arn,
      credentials: keys(0, FIXTURE_NOW + 60 * MIN),
      assumedRoleArn: `${arn}-assumed`,
      profile: 'p',
      region: 'eu-west-1',
    });
  const keepFresh = keepFreshStore(local);
  const deps: RefreshDeps = {
    credentials,
    captures,
    keepFresh,
    statuses: refreshStatusStore(session),
    now: () => now,
    reSignIn:
      options.reSignIn ??
      (async (issuer) => {
        signIns.push(issuer);
        return { ok: true, capture: capture(200, 'fresh@example.com') };
      }),
    async assume(request): Promise<CredentialsOutcome> {
      stsRequests.push(request);
      issued += 1;
      const role = request.roles[0]!;
      return {
        ok: true,
        roles: [
          {
            kind: 'granted',
            role,
            profile: { name: 'p' },
            credentials: keys(issued, now + 60 * MIN),
            assumedRoleArn: `${role.roleArn}-assumed`,
          },
        ],
      };
    },
  };
  return {
    deps,
    session,
    local,
    keepFresh,
    credentials,
    captures,
    signIns,
    stsRequests,
    setNow: (value: number) => void (now = value),
  };
}

describe('refreshDue', () => {
  it('does nothing for roles not kept fresh', async () => {
    const { deps, signIns, setNow } = await setup();
    setNow(FIXTURE_NOW + 58 * MIN);
    expect(await refreshDue(deps)).toEqual({ refreshed: 0, failed: 0 });
    expect(signIns).toEqual([]);
  });

  it('refreshes a kept-fresh role a margin before expiry: one sign-in, new keys in session storage only', async () => {
    const { deps, session, local, keepFresh, credentials, captures, signIns, stsRequests, setNow } =
      await setup();
    await keepFresh.update((s) => withRoleKeptFresh(s, { roleArn: ROLE_A }, true));
    setNow(FIXTURE_NOW + 54 * MIN);
    expect(await refreshDue(deps)).toEqual({
      refreshed: 0,
      failed: 0,
      nextWake: FIXTURE_NOW + 55 * MIN,
    });
    setNow(FIXTURE_NOW + 55 * MIN);
    const pass = await refreshDue(deps);
    expect(pass).toEqual({ refreshed: 1, failed: 0, nextWake: FIXTURE_NOW + 110 * MIN });
    expect(signIns).toEqual([ISSUER]);
    expect(stsRequests[0]).toMatchObject({ region: 'eu-west-1', roles: [{ roleArn: ROLE_A }] });
    expect((await credentials.get(1, ROLE_A))?.credentials.accessKeyId).toBe('ASIA1');
    expect((await credentials.get(1, ROLE_B))?.credentials.accessKeyId).toBe('ASIA0');
    // The tab's capture is the fresh assertion now, under the user's tab.
    const stored = await captures.get(1);
    expect(stored?.kind === 'decoded' && stored.inspection.aws.sessionName).toBe(
      'fresh@example.com',
    );
    expect(JSON.stringify([...local.data.values()])).not.toContain('secret');
    expect(JSON.stringify([...session.data.values()])).toContain('secret1');
  });

  it('signs in once per IdP for all of its due roles', async () => {
    const { deps, keepFresh, signIns, stsRequests, setNow } = await setup();
    await keepFresh.update((s) => withRoleKeptFresh(s, { all: true }, true));
    setNow(FIXTURE_NOW + 56 * MIN);
    expect((await refreshDue(deps)).refreshed).toBe(2);
    expect(signIns).toEqual([ISSUER]);
    expect(stsRequests.map((r) => r.roles[0]!.roleArn)).toEqual([ROLE_A, ROLE_B]);
  });

  it('never loops: a failed refresh is not tried again for the same expiry', async () => {
    const attempts: string[] = [];
    const { deps, keepFresh, session, setNow } = await setup({
      async reSignIn(issuer) {
        attempts.push(issuer);
        return {
          ok: false,
          error: {
            code: 'idp-needs-user',
            message: 'sign in at https://idp.example.com/',
            signInUrl: 'https://idp.example.com/',
          },
        };
      },
    });
    await keepFresh.update((s) => withRoleKeptFresh(s, { roleArn: ROLE_A }, true));
    setNow(FIXTURE_NOW + 55 * MIN);
    expect(await refreshDue(deps)).toEqual({ refreshed: 0, failed: 1 });
    for (const later of [56, 57, 59]) {
      setNow(FIXTURE_NOW + later * MIN);
      expect(await refreshDue(deps)).toEqual({ refreshed: 0, failed: 0 });
    }
    expect(attempts).toEqual([ISSUER]);
    const statuses = await refreshStatusStore(session).all();
    expect(statuses[`1:${ROLE_A}`]).toMatchObject({
      kind: 'failed',
      error: { code: 'idp-needs-user', signInUrl: 'https://idp.example.com/' },
    });
  });

  it('says so when the fresh assertion no longer offers the role, and when STS refuses', async () => {
    const { deps, keepFresh, session, setNow } = await setup();
    await keepFresh.update((s) => withRoleKeptFresh(s, { all: true }, true));
    deps.assume = async (request) => ({
      ok: true,
      roles: [
        {
          kind: 'refused',
          role: request.roles[0]!,
          profile: { name: 'p' },
          error: { code: 'AccessDenied', message: 'Not authorized', meaning: '', action: '' },
        },
      ],
    });
    setNow(FIXTURE_NOW + 56 * MIN);
    expect(await refreshDue(deps)).toMatchObject({ refreshed: 0, failed: 2 });
    const statuses = await refreshStatusStore(session).all();
    expect(statuses[`1:${ROLE_A}`]).toMatchObject({
      error: { code: 'sts-refused', message: 'AccessDenied: Not authorized' },
    });
  });
});
