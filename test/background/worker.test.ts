import { describe, expect, it } from 'vitest';
import { historyStore } from '../../src/background/capture/history-store.ts';
import { captureStore } from '../../src/background/capture/store.ts';
import { BADGE_COLORS, badgeFor } from '../../src/background/badge.ts';
import type { WorkerDeps } from '../../src/background/handlers/deps.ts';
import { handleMessage } from '../../src/background/handlers/messages.ts';
import { handleSamlPost } from '../../src/background/handlers/saml-post.ts';
import {
  currentSummary,
  handleTabRemoved,
  refreshTab,
  sweepExpired,
} from '../../src/background/handlers/tabs.ts';
import { inspectPostedForm as inspect } from '../../src/core/index.ts';
import type { Badge } from '../../src/platform/types.ts';
import { settingsStore } from '../../src/shared/settings-store.ts';
import { FIXTURE_EXPIRY, FIXTURE_NOW, roleArn, samlResponseBase64 } from './fixtures.ts';
import { memoryArea } from './memory-area.ts';
import { credentialsStore } from '../../src/shared/credentials-store.ts';
import { readHistoryIndex } from '../../src/shared/history.ts';

/** The handler's reply, or its error thrown, so assertions read as the sender sees them. */
async function ask(...args: Parameters<typeof handleMessage>): Promise<unknown> {
  const result = await handleMessage(...args);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function setup() {
  const session = memoryArea();
  // storage.session too in the extension; apart here so each tab's data can be checked alone.
  const historyArea = memoryArea();
  const local = memoryArea();
  const badges = new Map<number, Badge | undefined>();
  let now = FIXTURE_NOW;
  const deps: WorkerDeps = {
    captures: captureStore(session),
    history: historyStore(historyArea, { size: async () => 20 }),
    credentials: credentialsStore(session, () => now),
    settings: settingsStore(local),
    inspect,
    now: () => now,
    setBadge: async (tabId, badge) => void badges.set(tabId, badge),
  };
  return {
    deps,
    session,
    historyArea,
    local,
    badges,
    setNow: (value: number) => (now = value),
  };
}

const post = (
  tabId: number,
  fields: Record<string, string>,
  initiator = 'https://idp.example.com',
) => ({
  tabId,
  url: 'https://signin.aws.amazon.com/saml',
  body: { formData: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]])) },
  initiator,
});

describe('worker handlers', () => {
  it('stores one capture per tab in the session area only, with a role-count badge', async () => {
    const { deps, session, local, badges } = setup();
    await handleSamlPost(post(3, { SAMLResponse: samlResponseBase64({ roles: 12 }) }), deps);
    expect(local.data.size).toBe(0);
    expect(JSON.stringify([...session.data.values()])).toContain('alice@example.com');
    expect((await deps.captures.summaries()).map((summary) => summary.tabId)).toEqual([3]);
    expect(badges.get(3)).toEqual(badgeFor(await deps.captures.get(3)));
    expect(badges.get(3)).toEqual({ text: '12', color: BADGE_COLORS.ok });
    const summary = await currentSummary(3, deps);
    expect(summary).toMatchObject({ kind: 'summary', tabId: 3, sessionName: 'alice@example.com' });
    expect(summary?.kind === 'summary' && summary.roleArns).toHaveLength(12);
    const details = await ask({ type: 'capture/details', tabId: 3 }, deps);
    expect(details).toMatchObject({
      capture: { kind: 'decoded', inspection: { aws: { roles: { length: 12 } } } },
    });
    expect(await ask({ type: 'capture/details', tabId: 4 }, deps)).toEqual({
      capture: null,
    });
  });

  it("drops the capture and its credentials when the tab closes, and only that tab's", async () => {
    const { deps, session } = setup();
    await handleSamlPost(post(3, { SAMLResponse: samlResponseBase64() }), deps);
    const credentials = (tabId: number) => ({
      tabId,
      roleArn: roleArn(0, 0),
      assumedRoleArn: 'arn:aws:sts::111111111111:assumed-role/R/alice',
      profile: '111111111111-R',
      credentials: {
        accessKeyId: 'ASIA',
        secretAccessKey: `secret-of-tab-${tabId}`,
        sessionToken: 't',
        expiration: new Date(FIXTURE_NOW + 3_600_000).toISOString(),
      },
    });
    await deps.credentials.put(credentials(3));
    await deps.credentials.put(credentials(4));
    await handleTabRemoved(3, deps);
    expect(await deps.captures.get(3)).toBeUndefined();
    expect(await deps.captures.summaries()).toEqual([]);
    expect(await deps.credentials.get(3, roleArn(0, 0))).toBeUndefined();
    expect(await deps.credentials.get(4, roleArn(0, 0))).toMatchObject({ tabId: 4 });
    // Nothing of tab 3 is left behind in storage under any key.
    const stored = JSON.stringify([...session.data.values()]);
    expect(stored).not.toContain('secret-of-tab-3');
    expect(stored).not.toContain('alice@example.com');
  });

  it('sweeps expired credentials when the worker starts', async () => {
    const { deps, session, setNow } = setup();
    await deps.credentials.put({
      tabId: 5,
      roleArn: roleArn(0, 0),
      assumedRoleArn: 'arn:aws:sts::111111111111:assumed-role/R/alice',
      profile: '111111111111-R',
      credentials: {
        accessKeyId: 'ASIA',
        secretAccessKey: 'secret-that-expires',
        sessionToken: 't',
        expiration: new Date(FIXTURE_NOW + 1000).toISOString(),
      },
    });
    expect(JSON.stringify([...session.data.values()])).toContain('secret-that-expires');
    setNow(FIXTURE_NOW + 2000);
    await sweepExpired(deps);
    expect(JSON.stringify([...session.data.values()])).not.toContain('secret-that-expires');
  });

  it('replaces an expired assertion with a tombstone holding no assertion data', async () => {
    const { deps, session, badges, setNow } = setup();
    await handleSamlPost(post(3, { SAMLResponse: samlResponseBase64() }), deps);
    setNow(FIXTURE_EXPIRY);
    await sweepExpired(deps);
    const stored = await deps.captures.get(3);
    expect(await deps.captures.summary(3)).toEqual(stored);
    expect(stored).toMatchObject({
      kind: 'expired',
      expiredAt: FIXTURE_EXPIRY,
      idpUrl: 'https://idp.example.com/',
      sessionName: 'alice@example.com',
    });
    const everything = JSON.stringify([...session.data.values()]);
    expect(everything).not.toMatch(/SAMLResponse|samlResponse|inspection/);
    expect(everything).not.toContain(samlResponseBase64().slice(0, 40));
    expect(badges.get(3)).toBeUndefined();
  });

  it('lists each capture in the history, whose copy holds the decoded view but no SAMLResponse', async () => {
    const { deps, historyArea, setNow } = setup();
    await handleSamlPost(post(3, { SAMLResponse: samlResponseBase64() }), deps);
    await handleSamlPost(
      post(4, { SAMLResponse: samlResponseBase64({ responseId: '_r2', sessionName: 'bob' }) }),
      deps,
    );
    setNow(FIXTURE_EXPIRY);
    await sweepExpired(deps);
    await handleTabRemoved(3, deps);
    const { entries } = await readHistoryIndex(historyArea);
    expect(entries.map((e) => [e.tabId, e.sessionName])).toEqual([
      [3, 'alice@example.com'],
      [4, 'bob'],
    ]);
    const everything = JSON.stringify([...historyArea.data.values()]);
    expect(everything).not.toContain(samlResponseBase64().slice(0, 40));
    expect(everything).not.toContain('<saml');
  });

  it('expires lazily when the popup asks and re-applies badges on navigation', async () => {
    const { deps, badges, setNow } = setup();
    await handleSamlPost(post(5, { SAMLResponse: samlResponseBase64({ roles: 2 }) }), deps);
    badges.clear();
    await refreshTab(5, deps);
    expect(badges.get(5)?.text).toBe('2');
    setNow(FIXTURE_EXPIRY + 1);
    expect(await ask({ type: 'capture/expire', tabId: 5 }, deps)).toEqual({
      expired: true,
    });
    expect(await currentSummary(5, deps)).toMatchObject({ kind: 'expired' });
    expect(await ask({ type: 'capture/details', tabId: 5 }, deps)).toMatchObject({
      capture: { kind: 'expired' },
    });
  });

  it('records a role chosen with roleIndex as recent and keeps the original IdP', async () => {
    const { deps, setNow } = setup();
    const saml = samlResponseBase64();
    await handleSamlPost(post(3, { SAMLResponse: saml }), deps);
    setNow(FIXTURE_NOW + 1000);
    await handleSamlPost(
      post(3, { SAMLResponse: saml, roleIndex: roleArn(0, 1) }, 'chrome-extension://abc'),
      deps,
    );
    expect((await deps.settings.load()).recents).toEqual([roleArn(0, 1)]);
    expect(await deps.captures.get(3)).toMatchObject({ idpUrl: 'https://idp.example.com/' });
  });

  it('shows a red "!" badge for an undecodable POST', async () => {
    const { deps, badges } = setup();
    await handleSamlPost(post(3, { SAMLResponse: 'not base64 at all!' }), deps);
    expect(badges.get(3)?.text).toBe('!');
  });

  it('builds the sign-in form for a role, and refuses unknown roles and expired assertions', async () => {
    const { deps, setNow } = setup();
    const saml = samlResponseBase64({ roles: 3 });
    await handleSamlPost(post(3, { SAMLResponse: saml, RelayState: 'rs' }), deps);
    const ok = await ask({ type: 'signin/form', sourceTabId: 3, roleArn: roleArn(0, 2) }, deps);
    expect(ok).toEqual({
      ok: true,
      form: {
        action: 'https://signin.aws.amazon.com/saml',
        fields: { SAMLResponse: saml, RelayState: 'rs', roleIndex: roleArn(0, 2) },
      },
    });
    expect(
      await ask({ type: 'signin/form', sourceTabId: 3, roleArn: roleArn(0, 9) }, deps),
    ).toMatchObject({ ok: false, reason: 'unknown-role' });
    setNow(FIXTURE_EXPIRY);
    expect(
      await ask({ type: 'signin/form', sourceTabId: 3, roleArn: roleArn(0, 2) }, deps),
    ).toMatchObject({
      ok: false,
      reason: 'expired',
      idpUrl: 'https://idp.example.com/',
    });
  });

  it('merges learned aliases without overwriting typed ones, and rejects unknown messages', async () => {
    const { deps } = setup();
    await deps.settings.save({
      accounts: { '111111111111': { alias: 'mine' } },
      favourites: [],
      recents: [],
    });
    await ask(
      {
        type: 'aliases/learned',
        aliases: [
          { accountId: '111111111111', alias: 'aws' },
          { accountId: '222222222222', alias: 'prod' },
        ],
      },
      deps,
    );
    expect((await deps.settings.load()).accounts).toEqual({
      '111111111111': { alias: 'mine' },
      '222222222222': { alias: 'prod', learned: true },
    });
    await expect(ask({ type: 'nope' }, deps)).rejects.toThrow('Unknown message');
  });
});

describe('stored captures', () => {
  it('leave out the decoded XML and per-value role parse, and summarise for the popup', async () => {
    const { deps } = setup();
    await handleSamlPost(post(9, { SAMLResponse: samlResponseBase64({ roles: 3 }) }), deps);
    const full = await deps.captures.get(9);
    if (full?.kind !== 'decoded') throw new Error(`expected a decoded capture, got ${full?.kind}`);
    expect(full.inspection.input.xml).toBe('');
    expect(full.inspection.aws.roleValues).toEqual([]);
    expect(full.inspection.input.samlResponse).toBe(samlResponseBase64({ roles: 3 }));
    const summary = await deps.captures.summary(9);
    expect(JSON.stringify(summary)).not.toContain('samlResponse');
    expect(summary).toMatchObject({
      kind: 'summary',
      errors: [],
      identityCenter: false,
      issuer: 'https://idp.example.com/',
    });
  });
});

describe('message senders', () => {
  it('never hands an assertion to a content script, which may only report aliases', async () => {
    const { deps } = setup();
    await handleSamlPost(post(3, { SAMLResponse: samlResponseBase64() }), deps);
    const page = { extensionPage: false };
    await expect(ask({ type: 'capture/details', tabId: 3 }, deps, page)).rejects.toThrow(
      /only answered/,
    );
    await expect(
      ask({ type: 'signin/form', sourceTabId: 3, roleArn: roleArn(0, 0) }, deps, page),
    ).rejects.toThrow(/only answered/);
    const aliases = [
      { accountId: '123456789012', alias: 'ok' },
      { accountId: 5, alias: 'bad' },
      null,
    ];
    expect(await ask({ type: 'aliases/learned', aliases }, deps, page)).toEqual({
      saved: 1,
    });
    expect((await deps.settings.load()).accounts).toEqual({
      '123456789012': { alias: 'ok', learned: true },
    });
  });
});

describe('the message channel', () => {
  it('answers a handler that throws with an error result the sender can show', async () => {
    const { deps } = setup();
    const broken: WorkerDeps = {
      ...deps,
      captures: {
        ...deps.captures,
        get: () => Promise.reject(new Error('storage.session is unavailable')),
      },
    };
    expect(await handleMessage({ type: 'capture/details', tabId: 3 }, broken)).toEqual({
      ok: false,
      error: 'storage.session is unavailable',
    });
  });

  it('refuses a message whose fields have the wrong types, naming the message', async () => {
    const { deps } = setup();
    expect(await handleMessage({ type: 'capture/details', tabId: '3' }, deps)).toEqual({
      ok: false,
      error: 'Malformed capture/details message',
    });
    expect(await handleMessage({ type: 'signin/form', sourceTabId: 3 }, deps)).toEqual({
      ok: false,
      error: 'Malformed signin/form message',
    });
    expect(await handleMessage({ type: 'toString' }, deps)).toEqual({
      ok: false,
      error: 'Unknown message',
    });
  });
});
