import { browser } from './browser.ts';

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
