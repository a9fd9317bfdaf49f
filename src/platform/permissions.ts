import { browser } from './browser.ts';
import { KEEP_FRESH_PERMISSIONS_BY_TARGET } from './keep-fresh-permissions.ts';

/**
 * Asks the user for host permission for these match patterns (optional_host_permissions). Call it
 * straight from a click handler: browsers refuse a request made outside a user gesture.
 */
export const requestHostPermissions = (origins: string[]): Promise<boolean> =>
  browser.permissions.request({ origins });

/** The API permissions keep-fresh asks for when the user turns it on, for this build's browser. */
export const KEEP_FRESH_PERMISSIONS: string[] = [
  ...KEEP_FRESH_PERMISSIONS_BY_TARGET[import.meta.env.TARGET],
];

/**
 * Asks for keep-fresh's permissions and host access to the IdPs' start pages (to tell a login
 * page from an auto-post one). From a click handler only, like every permission request.
 */
export const requestKeepFreshPermissions = (origins: string[]): Promise<boolean> =>
  browser.permissions.request({ permissions: KEEP_FRESH_PERMISSIONS as never, origins });

export const hasKeepFreshPermissions = (): Promise<boolean> =>
  browser.permissions.contains({ permissions: KEEP_FRESH_PERMISSIONS as never });
