import { browser } from './browser.ts';

/**
 * The tab the popup is about: the active tab of the current window, or the one named by `?tab=<id>`
 * when the popup page is opened in a tab of its own (it would otherwise be the active tab itself).
 * No `tabs` permission is needed for the id.
 */
export async function activeTabId(
  search = globalThis.location?.search ?? '',
): Promise<number | undefined> {
  const named = tabFromQuery(search);
  if (named !== undefined) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The `tab` query parameter as a tab id, if it is one. */
export function tabFromQuery(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tab');
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Navigates a tab; extension pages may be opened without any permission. */
export async function navigateTab(tabId: number, url: string): Promise<void> {
  await browser.tabs.update(tabId, { url, active: true });
}

export async function openTab(url: string, besideTabId?: number): Promise<void> {
  let index: number | undefined;
  if (besideTabId !== undefined) {
    const tab = await browser.tabs.get(besideTabId).catch(() => undefined);
    if (tab) index = tab.index + 1;
  }
  await browser.tabs.create({ url, ...(index === undefined ? {} : { index }) });
}

export function onTabRemoved(listener: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
}

/** Fires when a tab starts or finishes loading (Chrome resets per-tab badges on navigation). */
export function onTabLoading(listener: (tabId: number) => void): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status) listener(tabId);
  });
}

export function onTabActivated(listener: (tabId: number) => void): void {
  browser.tabs.onActivated.addListener(({ tabId }) => listener(tabId));
}

/** Goes back one step in a tab's history (no permission needed for the extension's own tabs API). */
export async function goBack(tabId: number): Promise<void> {
  await browser.tabs.goBack(tabId);
}
