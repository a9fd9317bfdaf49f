import { browser } from './browser.ts';
import { KEEP_FRESH_PERMISSIONS_BY_TARGET } from './keep-fresh-permissions.ts';

/**
 * Asks the user for host permission for these match patterns (optional_host_permissions). Call it
 * straight from a click handler: browsers refuse a request made outside a user gesture.
 */
export const requestHostPermissions = (origins: string[]): Promise<boolean> =>
  browser.permissions.request({ origins });

/** An API permission the manifest lists under optional_permissions. */
export type OptionalPermission = 'nativeMessaging';

/** Asks for an optional API permission; like host permissions, only from a user gesture. */
export const requestPermission = (permission: OptionalPermission): Promise<boolean> =>
  browser.permissions.request({ permissions: [permission] });

/** Gives an optional API permission back; true when it was removed. */
export const removePermission = (permission: OptionalPermission): Promise<boolean> =>
  browser.permissions.remove({ permissions: [permission] });

export const hasPermission = (permission: OptionalPermission): Promise<boolean> =>
  browser.permissions.contains({ permissions: [permission] });

/** Fires when the user (or the extension) grants or removes any permission. */
export function onPermissionsChanged(listener: () => void): void {
  browser.permissions.onAdded.addListener(() => listener());
  browser.permissions.onRemoved.addListener(() => listener());
}

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
