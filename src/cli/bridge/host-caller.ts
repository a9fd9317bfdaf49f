import { resolve } from 'node:path';
import { BRIDGE_HOST_NAME } from '../../core/bridge.ts';

/** Who started the host, from the arguments the browser passes. */
export type Caller =
  /** Chrome and Chromium: the calling extension's origin (Windows adds --parent-window=N). */
  | { browser: 'chromium'; origin: string }
  /** Firefox: the host manifest's path, then the calling extension's id. */
  | { browser: 'firefox'; manifestPath: string; extensionId: string };

export function readCaller(args: readonly string[]): Caller | undefined {
  const [first, second] = args.filter((arg) => !arg.startsWith('--parent-window='));
  if (first === undefined) return undefined;
  if (/^chrome-extension:\/\/[a-p]{32}\/$/.test(first) && second === undefined)
    return { browser: 'chromium', origin: first };
  if (second !== undefined && first.endsWith('.json') && /^[\w.@{}-]{1,255}$/.test(second))
    return { browser: 'firefox', manifestPath: first, extensionId: second };
  return undefined;
}

/**
 * Checks the caller against the manifest the launcher names: the browser already admits only
 * the extensions it lists, and this refuses anything else that runs the launcher by hand.
 */
export function callerProblem(
  caller: Caller | undefined,
  manifestPath: string,
  manifest: unknown,
): string | undefined {
  if (!caller)
    return 'the browser starts this command (it passes the calling extension); run bridge status to check the install';
  const fields = (typeof manifest === 'object' && manifest !== null ? manifest : {}) as Record<
    string,
    unknown
  >;
  if (fields.name !== BRIDGE_HOST_NAME)
    return `${manifestPath} is not the ${BRIDGE_HOST_NAME} host manifest`;
  const list = (key: string): unknown[] => (Array.isArray(fields[key]) ? fields[key] : []);
  if (caller.browser === 'chromium')
    return list('allowed_origins').includes(caller.origin)
      ? undefined
      : `the calling extension ${caller.origin} is not in ${manifestPath}'s allowed_origins`;
  if (resolve(caller.manifestPath) !== resolve(manifestPath))
    return `Firefox read ${caller.manifestPath}, not ${manifestPath}`;
  return list('allowed_extensions').includes(caller.extensionId)
    ? undefined
    : `the calling extension ${caller.extensionId} is not in ${manifestPath}'s allowed_extensions`;
}
