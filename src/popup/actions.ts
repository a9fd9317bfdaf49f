import type { Inspection } from '../core/inspect.ts';
import type { Settings } from '../core/settings.ts';
import type { RoleRef } from '../shared/role-search.ts';

/** What the popup's components may do to the outside world; main.tsx binds it to the browser. */
export interface PopupActions {
  signIn(role: RoleRef, options: { newTab: boolean }): Promise<void>;
  toggleFavourite(roleArn: string): Promise<Settings>;
  copyText(text: string): Promise<void>;
  /** The worker only learns of expiry at events: have it drop the expired assertion now. */
  dropExpired(): Promise<void>;
  /** The whole inspection, read only when the details view opens. */
  loadInspection(): Promise<Inspection>;
  /**
   * Back to the IdP after an expired assertion: its URL when known (Firefox reports it; Chrome only
   * when the IdP sends a Referer), else back in the tab's history to the page that posted.
   */
  backToIdp(idpUrl: string | undefined): Promise<void>;
  openOptions(): Promise<void>;
  /** Brings the tab keep fresh left at this IdP's login page to the front. */
  showSignInTab(issuer: string): Promise<void>;
}

/** What the role list may do: the popup's actions plus its own panels (bound in App). */
export interface RoleListActions extends PopupActions {
  showCredentials(target: RoleRef | 'all'): void;
}
