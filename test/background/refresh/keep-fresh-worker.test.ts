// The worker's keep-fresh wiring with a fake browser: the tab it opens is its own (the global
// capture listener skips it), the block rule is scoped to that tab, STS is called, the alarm set.
import { describe, expect, it } from 'vitest';
import { captureStore } from '../../../src/background/capture/store.ts';
import { keepFreshWorker } from '../../../src/background/refresh/keep-fresh-worker.ts';
import { inspectPostedForm as inspect } from '../../../src/core/index.ts';
import type { SignInTabOptions } from '../../../src/platform/sign-in-tab.ts';
import type { Badge } from '../../../src/platform/types.ts';
import { credentialsStore } from '../../../src/shared/credentials-store.ts';
import { keepFreshStore } from '../../../src/shared/keep-fresh/keep-fresh-settings.ts';
import { startUrlStore } from '../../../src/shared/keep-fresh/start-url-store.ts';
import { FIXTURE_NOW, roleArn, samlResponseBase64 } from '../fixtures.ts';
import { memoryArea } from '../memory-area.ts';

const ISSUER = 'https://idp.example.com/';
const START = 'https://idp.example.com/applications/aws/sso';
const ROLE = roleArn(0, 0);
const MIN = 60_000;

const stsAnswer = (expiration: string) =>
  `<AssumeRoleWithSAMLResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithSAMLResult><Credentials><AccessKeyId>ASIANEWKEY0000001</AccessKeyId><SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey><SessionToken>IQoJb3JpZ2luX2VjEOz//////////wEaCXVz</SessionToken><Expiration>${expiration}</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::100000000000:assumed-role/Role0/alice</Arn><AssumedRoleId>AROA:alice</AssumedRoleId></AssumedRoleUser></AssumeRoleWithSAMLResult></AssumeRoleWithSAMLResponse>`;

async function setup(behaviour: 'posts' | 'login') {
  const local = memoryArea();
  const session = memoryArea();
  let now = FIXTURE_NOW;
  const rules: unknown[] = [];
  const alarms: (number | undefined)[] = [];
  const badges = new Map<number, Badge | undefined>();
  const stsCalls: string[] = [];
  const closed: number[] = [];
  const captures = captureStore(session);
  const credentials = credentialsStore(session, () => now);
  const ownership = { owns: (_tabId: number): boolean => false };
  const ownedDuringSignIn: boolean[] = [];
  const worker = keepFreshWorker({
    local,
    session,
    captures,
    credentials,
    inspect,
    now: () => now,
    fetch: async (url) => {
      stsCalls.push(url);
      return {
        ok: true,
        status: 200,
        text: async () =>
          stsAnswer(new Date(now + 60 * MIN).toISOString().replace(/\.\d{3}Z$/, 'Z')),
      } as never;
    },
    async openSignInTab(options: SignInTabOptions) {
      const tabId = 500;
      rules.push(options.blockRule(tabId));
      queueMicrotask(() => {
        ownedDuringSignIn.push(ownership.owns(tabId));
        if (behaviour === 'login')
          options.onEvent({
            kind: 'landed',
            page: { url: `${ISSUER}login`, passwordFields: 1, samlForms: 0 },
          });
        else
          options.onEvent({
            kind: 'post',
            post: {
              tabId,
              url: 'https://signin.aws.amazon.com/saml',
              body: { formData: { SAMLResponse: [samlResponseBase64()] } },
            },
          });
      });
      return { tabId, close: async () => void closed.push(tabId), leave: async () => undefined };
    },
    showTab: async () => undefined,
    setAlarm: async (_name, when) => void alarms.push(when),
    setBadge: async (tabId, badge) => void badges.set(tabId, badge),
  });
  ownership.owns = worker.ownsTab;
  // The user's own capture in tab 1, and credentials got from it in the popup.
  const { captureFromPost } = await import('../../../src/background/capture/from-post.ts');
  await captures.put(
    captureFromPost(
      {
        tabId: 1,
        url: 'https://signin.aws.amazon.com/saml',
        body: { formData: { SAMLResponse: [samlResponseBase64()] } },
      },
      { inspect, now: () => now },
    )!,
  );
  await credentials.put({
    tabId: 1,
    roleArn: ROLE,
    credentials: {
      accessKeyId: 'ASIAOLD',
      secretAccessKey: 'oldsecret',
      sessionToken: 'oldtoken',
      expiration: new Date(FIXTURE_NOW + 60 * MIN).toISOString(),
    },
    assumedRoleArn: 'arn:aws:sts::100000000000:assumed-role/Role0/alice',
    profile: 'p',
  });
  await startUrlStore(local).choose(ISSUER, START);
  await keepFreshStore(local).update((s) => ({ ...s, roles: [ROLE] }));
  return {
    worker,
    rules,
    alarms,
    badges,
    stsCalls,
    closed,
    credentials,
    ownedDuringSignIn,
    setNow: (v: number) => void (now = v),
  };
}

describe('keepFreshWorker', () => {
  it('sets the alarm for the margin before expiry and does nothing earlier', async () => {
    const { worker, alarms, stsCalls } = await setup('posts');
    expect(await worker.run()).toMatchObject({ refreshed: 0, failed: 0 });
    expect(alarms).toEqual([FIXTURE_NOW + 55 * MIN]);
    expect(stsCalls).toEqual([]);
  });

  it('refreshes through its own tab, blocked for that tab only, and stores the new keys', async () => {
    const { worker, rules, alarms, stsCalls, closed, credentials, ownedDuringSignIn, setNow } =
      await setup('posts');
    setNow(FIXTURE_NOW + 55 * MIN);
    const pass = await worker.run();
    expect(pass).toMatchObject({ refreshed: 1, failed: 0 });
    expect(rules).toEqual([
      expect.objectContaining({ condition: expect.objectContaining({ tabIds: [500] }) }),
    ]);
    // The global capture listener must skip the tab while the sign-in runs, and only then.
    expect(ownedDuringSignIn).toEqual([true]);
    expect(worker.ownsTab(500)).toBe(false);
    expect(closed).toEqual([500]);
    expect(stsCalls).toHaveLength(1);
    expect((await credentials.get(1, ROLE))?.credentials.accessKeyId).toBe('ASIANEWKEY0000001');
    expect(alarms.at(-1)).toBe(FIXTURE_NOW + 110 * MIN);
  });

  it('says "IdP" on the badge of the tab and of the login tab, and does not try again', async () => {
    const { worker, badges, stsCalls, setNow } = await setup('login');
    setNow(FIXTURE_NOW + 55 * MIN);
    expect(await worker.run()).toMatchObject({ refreshed: 0, failed: 1 });
    expect(badges.get(1)?.text).toBe('IdP');
    expect(badges.get(500)?.text).toBe('IdP');
    expect(await worker.reSignIn(ISSUER)).toMatchObject({
      ok: false,
      error: { code: 'idp-needs-user', signInUrl: START },
    });
    setNow(FIXTURE_NOW + 57 * MIN);
    expect(await worker.run()).toMatchObject({ refreshed: 0, failed: 0 });
    expect(stsCalls).toEqual([]);
    expect(await worker.showSignIn(ISSUER)).toBe(true);
    expect(await worker.showSignIn('https://other.example.com/')).toBe(false);
  });
});
