import { BRIDGE_HOST_NAME } from '../../core/bridge.ts';
import type { Browser } from './manifest-location.ts';

/** The extension's Firefox id (scripts/manifest.ts GECKO_ID; a test keeps them equal). */
export const FIREFOX_EXTENSION_ID = 'saml-roles@saml-roles.dev';

/** How a manifest says saml-roles wrote it: install replaces and uninstall removes only these. */
export const MANIFEST_DESCRIPTION = 'saml-roles bridge (written by saml-roles bridge install)';

/** Chrome's extension ids: 32 letters a to p. */
export const CHROME_EXTENSION_ID = /^[a-p]{32}$/;

export function buildHostManifest(
  browser: Browser,
  launcher: string,
  extensionId: string,
): Record<string, unknown> {
  return {
    name: BRIDGE_HOST_NAME,
    description: MANIFEST_DESCRIPTION,
    path: launcher,
    type: 'stdio',
    ...(browser === 'firefox'
      ? { allowed_extensions: [extensionId] }
      : { allowed_origins: [`chrome-extension://${extensionId}/`] }),
  };
}

export function isOurManifest(text: string): boolean {
  try {
    const value = JSON.parse(text) as { description?: unknown; name?: unknown };
    return value.name === BRIDGE_HOST_NAME && value.description === MANIFEST_DESCRIPTION;
  } catch {
    return false;
  }
}

const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The launcher the manifest's `path` names. Browsers start hosts with a minimal PATH (and
 * Chrome needs an executable, not a script for node), so it names node and the CLI absolutely.
 */
export function buildLauncher(
  platform: NodeJS.Platform,
  node: string,
  cliEntry: string,
  manifestPath: string,
): string {
  if (platform === 'win32')
    return `@echo off\r\nrem Written by saml-roles bridge install.\r\n"${node}" "${cliEntry}" bridge host --manifest "${manifestPath}" %*\r\n`;
  return [
    '#!/bin/sh',
    '# Written by saml-roles bridge install: browsers start native hosts with a minimal PATH.',
    `exec ${[node, cliEntry, 'bridge', 'host', '--manifest', manifestPath].map(shellQuote).join(' ')} "$@"`,
    '',
  ].join('\n');
}
