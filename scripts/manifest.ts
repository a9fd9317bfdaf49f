// The one place where the Chrome and Firefox manifests differ. Both start from manifest.json; host
// permissions and content-script matches come from the core's endpoint lists, never retyped.
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from '../manifest.json' with { type: 'json' };
import { SAML_ENDPOINT_MATCH_PATTERNS, SIGNIN_HOST_PATTERNS } from '../src/core/aws/endpoints.ts';
import { STS_HOST_PATTERNS } from '../src/core/aws/regions.ts';
import {
  KEEP_FRESH_PERMISSIONS_BY_TARGET,
  KEEP_FRESH_REQUIRED_BY_TARGET,
} from '../src/platform/keep-fresh-permissions.ts';

export const TARGETS = ['chrome', 'firefox'] as const;
export type Target = (typeof TARGETS)[number];

/** Where `npm run build` writes each browser's unpacked build (relative to the repository). */
export const OUT_DIRS: Record<Target, string> = { chrome: 'dist', firefox: 'dist-firefox' };

/** Fixed so that storage and the add-on's moz-extension UUID mapping survive reinstalls. */
export const GECKO_ID = 'saml-roles@saml-roles.dev';
/** ESR 140: MV3 event pages with module scripts, storage.session, data_collection_permissions. */
export const FIREFOX_MIN_VERSION = '140.0';

/** AWS's role-selection page answers the IAM `/saml` POST; Identity Center ACS pages have no picker. */
const PICKER_PAGE_MATCHES = SAML_ENDPOINT_MATCH_PATTERNS.filter((p) => p.endsWith('/saml*'));

type Manifest = Omit<
  typeof baseManifest,
  'host_permissions' | 'content_scripts' | 'background' | 'minimum_chrome_version'
> & {
  host_permissions: string[];
  content_scripts: { matches: string[]; js: string[]; css: string[]; run_at: string }[];
  background: { service_worker?: string; scripts?: string[]; type: string };
  minimum_chrome_version?: string;
  browser_specific_settings?: unknown;
  optional_permissions?: string[];
};

export function isTarget(value: string): value is Target {
  return (TARGETS as readonly string[]).includes(value);
}

export function manifestFor(target: Target): ManifestV3Export {
  const manifest = structuredClone(baseManifest) as Manifest;
  // Sign-in hosts: capture, re-POST, federation console sign-in. STS hosts: credentials.
  manifest.host_permissions = [...SIGNIN_HOST_PATTERNS, ...STS_HOST_PATTERNS];
  for (const script of manifest.content_scripts) script.matches = [...PICKER_PAGE_MATCHES];
  // Keep fresh (background sign-ins) asks for these only when the user turns it on, beside the
  // bridge's nativeMessaging.
  if (target === 'chrome' || target === 'firefox') {
    manifest.optional_permissions = [
      ...(manifest.optional_permissions ?? []),
      ...KEEP_FRESH_PERMISSIONS_BY_TARGET[target],
    ];
    manifest.permissions = [...manifest.permissions, ...KEEP_FRESH_REQUIRED_BY_TARGET[target]];
  }
  if (target === 'chrome') return manifest as ManifestV3Export;
  if (target !== 'firefox') throw new Error(`unknown target ${String(target)}`);
  // Firefox runs MV3 backgrounds as event pages: `scripts`, not `service_worker`.
  const { service_worker: worker, type } = manifest.background;
  manifest.background = { scripts: [worker!], type };
  delete manifest.minimum_chrome_version;
  manifest.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      // AMO requires a declaration; assertions and settings never leave the browser.
      data_collection_permissions: { required: ['none'] },
    },
    // Android has no ESR; it reads data_collection_permissions from 142 on.
    gecko_android: { strict_min_version: '142.0' },
  };
  return manifest as ManifestV3Export;
}
