import { browser } from './browser.ts';

/** The active tab of the current window; no `tabs` permission is needed for its id. */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
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
