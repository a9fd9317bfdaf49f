import { browser } from './browser.ts';

/**
 * Asks the user for host permission for these match patterns (optional_host_permissions). Call it
 * straight from a click handler: browsers refuse a request made outside a user gesture.
 */
export const requestHostPermissions = (origins: string[]): Promise<boolean> =>
  browser.permissions.request({ origins });
