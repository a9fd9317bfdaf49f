import { describe, expect, it } from 'vitest';
import { needsUserStore } from '../../../src/background/refresh/needs-user.ts';
import {
  reSignIn,
  type ReSignInDeps,
  type SignInTabEvent,
} from '../../../src/background/refresh/re-sign-in.ts';
import { startUrlStore } from '../../../src/shared/keep-fresh/start-url-store.ts';
import { inspectPostedForm as inspect } from '../../../src/core/index.ts';
import { FIXTURE_NOW, samlResponseBase64 } from '../fixtures.ts';
import { memoryArea } from '../memory-area.ts';

const ISSUER = 'https://idp.example.com/';
const START = 'https://idp.example.com/applications/aws/sso';

const samlPost = (tabId: number, issuer = ISSUER) => ({
  tabId,
  url: 'https://signin.aws.amazon.com/saml',
  body: { formData: { SAMLResponse: [samlResponseBase64({ issuer })] } },
  initiator: 'https://idp.example.com',
});

/** A browser whose background tab does what `script` says once it is opened. */
function setup(script: (tabId: number, emit: (event: SignInTabEvent) => void) => void) {
  const opened: string[] = [];
  const closed: number[] = [];
  const left: number[] = [];
  let timeout!: () => void;
  let nextTab = 100;
  const startUrls = startUrlStore(memoryArea());
  const deps: ReSignInDeps = {
    inspect,
    now: () => FIXTURE_NOW,
    startUrls,
    needsUser: needsUserStore(memoryArea()),
    timeoutMs: 20_000,
    wait: () => new Promise((done) => (timeout = done)),
    async openSignInTab(url, onEvent) {
      opened.push(url);
      const tabId = nextTab++;
      queueMicrotask(() => script(tabId, onEvent));
      return {
        tabId,
        close: async () => void closed.push(tabId),
        leave: async () => void left.push(tabId),
      };
    },
  };
  return { deps, startUrls, opened, closed, left, fireTimeout: () => timeout() };
}

describe('reSignIn', () => {
  it('takes the assertion from the stopped POST of its own tab, and closes the tab', async () => {
    const { deps, startUrls, opened, closed, left } = setup((tabId, emit) => {
      emit({ kind: 'landed', page: { url: START, passwordFields: 0, samlForms: 1 } });
      emit({ kind: 'post', post: samlPost(tabId) });
    });
    await startUrls.choose(ISSUER, START);
    const result = await reSignIn(ISSUER, deps);
    expect(result.ok && result.capture.inspection.saml.issuer).toBe(ISSUER);
    expect(result.ok && result.capture.tabId).toBe(100);
    expect(opened).toEqual([START]);
    expect(closed).toEqual([100]);
    expect(left).toEqual([]);
  });

  it('answers no-capture, opening nothing, when no start URL is known for the issuer', async () => {
    const { deps, opened } = setup(() => undefined);
    const result = await reSignIn(ISSUER, deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'no-capture' } });
    expect(!result.ok && result.error.message).toMatch(/idp\.example\.com.*options/);
    expect(opened).toEqual([]);
  });

  it('leaves a login page to the user and never tries that IdP again until they sign in', async () => {
    const { deps, startUrls, opened, closed, left } = setup((_tabId, emit) =>
      emit({ kind: 'landed', page: { url: `${ISSUER}login`, passwordFields: 1, samlForms: 0 } }),
    );
    await startUrls.choose(ISSUER, START);
    const first = await reSignIn(ISSUER, deps);
    expect(first).toEqual({
      ok: false,
      error: {
        code: 'idp-needs-user',
        message: `${ISSUER} wants you to sign in again: sign in at ${START}`,
        signInUrl: START,
      },
    });
    expect(left).toEqual([100]);
    expect(closed).toEqual([]);
    // The never-loop rule: the second call opens no tab at all.
    const second = await reSignIn(ISSUER, deps);
    expect(second).toEqual(first);
    expect(opened).toEqual([START]);
    expect((await deps.needsUser.get(ISSUER))?.tabId).toBe(100);
  });

  it('calls a tab that never posts within the timeout a page for the user', async () => {
    const { deps, startUrls, left, fireTimeout } = setup((_tabId, emit) =>
      emit({ kind: 'landed', page: undefined }),
    );
    await startUrls.choose(ISSUER, START);
    const pending = reSignIn(ISSUER, deps);
    await new Promise((done) => setTimeout(done, 0));
    fireTimeout();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'idp-needs-user' } });
    expect(left).toEqual([100]);
  });

  it('refuses an assertion from another IdP than the one asked', async () => {
    const { deps, startUrls, closed } = setup((tabId, emit) =>
      emit({ kind: 'post', post: samlPost(tabId, 'https://other.example.com/') }),
    );
    await startUrls.choose(ISSUER, START);
    const result = await reSignIn(ISSUER, deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'no-capture' } });
    expect(!result.ok && result.error.message).toMatch(/other\.example\.com/);
    expect(closed).toEqual([100]);
  });

  it('says what was wrong with an unreadable POST', async () => {
    const { deps, startUrls } = setup((tabId, emit) =>
      emit({
        kind: 'post',
        post: { ...samlPost(tabId), body: { formData: { SAMLResponse: ['%%%'] } } },
      }),
    );
    await startUrls.choose(ISSUER, START);
    const result = await reSignIn(ISSUER, deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'no-capture' } });
    expect(!result.ok && result.error.message).toMatch(/could not be read: /);
  });
});
