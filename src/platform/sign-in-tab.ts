// A background tab for a sign-in the user did not start: inactive, its POSTs to AWS stopped
// before they leave the browser, what happens in it reported to the worker.
import type { WebRequest } from 'webextension-polyfill';
import { browser } from './browser.ts';
import type { LandedPage, SignInTabEvent } from './types.ts';
import { type RawRequestDetails, toSamlPost } from './web-request.ts';

export interface SignInTabOptions {
  url: string;
  /** AWS's SAML endpoints (the core's match patterns). */
  samlUrls: readonly string[];
  /** The tab-scoped declarativeNetRequest rule, built for the tab id this function passes. */
  blockRule(tabId: number): unknown;
  onEvent(event: SignInTabEvent): void;
}

export interface OpenSignInTab {
  tabId: number;
  close(): Promise<void>;
  leave(): Promise<void>;
}

/**
 * Opens an inactive tab, installs the block for that tab before it navigates, then loads `url`.
 * Chrome: a session DNR rule (MV3 has no blocking webRequest); the non-blocking webRequest
 * listener still receives the POST's body, as Chromium dispatches onBeforeRequest before it
 * applies the rule. Firefox: a blocking webRequest listener cancels the POST after reading it.
 */
export async function openSignInTab(options: SignInTabOptions): Promise<OpenSignInTab> {
  const tab = await browser.tabs.create({ url: 'about:blank', active: false });
  const tabId = tab.id!;
  const rule = options.blockRule(tabId) as { id: number };
  const filter: WebRequest.RequestFilter = {
    urls: [...options.samlUrls],
    types: ['main_frame', 'sub_frame'],
    tabId,
  };
  const onRequest = (details: WebRequest.OnBeforeRequestDetailsType) => {
    const post = toSamlPost(details as RawRequestDetails);
    if (post) options.onEvent({ kind: 'post', post });
    // Firefox's blocking listener: cancelled here, after the body was read above.
    return details.method === 'POST' ? { cancel: true } : undefined;
  };
  const onUpdated = (updatedTabId: number, change: { status?: string }) => {
    if (updatedTabId !== tabId || change.status !== 'complete') return;
    void readLandedPage(tabId).then((page) => options.onEvent({ kind: 'landed', page }));
  };
  const firefox = import.meta.env.TARGET === 'firefox';
  if (!firefox)
    await browser.declarativeNetRequest.updateSessionRules({
      removeRuleIds: [rule.id],
      addRules: [rule as never],
    });
  browser.webRequest.onBeforeRequest.addListener(
    onRequest,
    filter,
    firefox ? ['blocking', 'requestBody'] : ['requestBody'],
  );
  browser.tabs.onUpdated.addListener(onUpdated);
  const unguard = async () => {
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.webRequest.onBeforeRequest.removeListener(onRequest);
    if (!firefox)
      await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [rule.id] });
  };
  await browser.tabs.update(tabId, { url: options.url });
  return {
    tabId,
    async close() {
      await unguard();
      await browser.tabs.remove(tabId).catch(() => undefined);
    },
    leave: unguard,
  };
}

/** Counts password fields and SAMLResponse forms in the tab; undefined without host access. */
async function readLandedPage(tabId: number): Promise<LandedPage | undefined> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => ({
        url: location.href,
        passwordFields: document.querySelectorAll('input[type="password"]').length,
        samlForms: document.querySelectorAll('form input[name="SAMLResponse"]').length,
      }),
    });
    return result?.result as LandedPage | undefined;
  } catch {
    return undefined;
  }
}

/** Brings a tab left at an IdP's login page to the front, when the user asks to see it. */
export async function showTab(tabId: number): Promise<void> {
  await browser.tabs.update(tabId, { active: true });
}
