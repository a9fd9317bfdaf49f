import { browser } from './browser.ts';
import type { Badge } from './types.ts';

/** Sets or clears the toolbar badge of one tab; a closed tab is not an error. */
export async function setTabBadge(tabId: number, badge: Badge | undefined): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: badge?.text ?? '' });
    if (badge) await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
  } catch {
    // The tab went away between the event and this call.
  }
}
