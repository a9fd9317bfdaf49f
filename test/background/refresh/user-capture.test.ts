// The user's own captures feed keep fresh: where the IdP starts a sign-in (the POST's initiator,
// or Chrome's Referer), and the end of a "sign in at the IdP" mark.
import { describe, expect, it } from 'vitest';
import { historyStore } from '../../../src/background/capture/history-store.ts';
import { captureStore } from '../../../src/background/capture/store.ts';
import type { WorkerDeps } from '../../../src/background/handlers/deps.ts';
import { handleReferer } from '../../../src/background/handlers/referer.ts';
import { handleSamlPost } from '../../../src/background/handlers/saml-post.ts';
import { needsUserStore } from '../../../src/background/refresh/needs-user.ts';
import { inspectPostedForm as inspect } from '../../../src/core/index.ts';
import { credentialsStore } from '../../../src/shared/credentials-store.ts';
import { startUrlStore } from '../../../src/shared/keep-fresh/start-url-store.ts';
import { settingsStore } from '../../../src/shared/settings-store.ts';
import { FIXTURE_NOW, samlResponseBase64 } from '../fixtures.ts';
import { memoryArea } from '../memory-area.ts';

const ISSUER = 'https://idp.example.com/';

function setup() {
  const session = memoryArea();
  const local = memoryArea();
  const startUrls = startUrlStore(local);
  const needsUser = needsUserStore(session);
  const deps: WorkerDeps = {
    captures: captureStore(session),
    history: historyStore(session, { size: async () => 20 }),
    credentials: credentialsStore(session, () => FIXTURE_NOW),
    settings: settingsStore(local),
    inspect,
    now: () => FIXTURE_NOW,
    setBadge: async () => undefined,
    refresh: {
      startUrls,
      needsUser,
      run: async () => ({ refreshed: 0, failed: 0 }),
      showSignIn: async () => false,
    },
  };
  return { deps, startUrls, needsUser };
}

const post = (initiator?: string) => ({
  tabId: 4,
  url: 'https://signin.aws.amazon.com/saml',
  body: { formData: { SAMLResponse: [samlResponseBase64()] } },
  ...(initiator ? { initiator } : {}),
});

describe("the user's captures and keep fresh", () => {
  it("learns the IdP's start URL from the POST and lifts its needs-user mark", async () => {
    const { deps, startUrls, needsUser } = setup();
    await needsUser.mark(ISSUER, { signInUrl: ISSUER, since: 0 });
    await handleSamlPost(post('https://idp.example.com/app/sso?x=1'), deps);
    expect(await startUrls.startUrlFor(ISSUER)).toBe('https://idp.example.com/');
    expect(await needsUser.get(ISSUER)).toBeUndefined();
  });

  it("learns it from Chrome's Referer when the POST named no initiator", async () => {
    const { deps, startUrls } = setup();
    await handleSamlPost(post(), deps);
    expect(await startUrls.startUrlFor(ISSUER)).toBeUndefined();
    await handleReferer(4, 'https://idp.example.com/app/sso', deps);
    expect(await startUrls.startUrlFor(ISSUER)).toBe('https://idp.example.com/');
  });

  it("does not learn AWS's own role picker as a start URL", async () => {
    const { deps, startUrls } = setup();
    await handleSamlPost(post(), deps);
    await handleReferer(4, 'https://signin.aws.amazon.com/saml', deps);
    expect(await startUrls.startUrlFor(ISSUER)).toBeUndefined();
  });
});

describe("a role chosen on AWS's own picker page", () => {
  it("keeps the IdP as where the assertion came from: AWS's page is not learned, nor kept as the capture's IdP", async () => {
    const { deps, startUrls } = setup();
    await handleSamlPost(post('https://idp.example.com/app/sso'), deps);
    // AWS's picker re-POSTs the same SAMLResponse; Chrome names AWS's page as the initiator.
    await handleSamlPost(post('https://signin.aws.amazon.com'), deps);
    expect(await startUrls.startUrlFor(ISSUER)).toBe('https://idp.example.com/');
    expect((await deps.captures.get(4))?.idpUrl).toBe('https://idp.example.com/');
  });
});
