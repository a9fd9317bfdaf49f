// Builds the extension into dist/ (Chrome). The manifest's host permissions, webRequest filters and
// content-script matches are derived from the core's endpoint list, never retyped.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import { SAML_ENDPOINT_MATCH_PATTERNS, SIGNIN_HOST_PATTERNS } from './src/core/aws/endpoints.ts';
import { STS_HOST_PATTERNS } from './src/core/aws/regions.ts';
import { buildReport } from './scripts/build-report.ts';

type Target = 'chrome';

/** AWS's role-selection page answers the IAM `/saml` POST; Identity Center ACS pages have no picker. */
const PICKER_PAGE_MATCHES = SAML_ENDPOINT_MATCH_PATTERNS.filter((p) => p.endsWith('/saml*'));

/** The one place where the manifest is completed and, later, where browsers differ. */
export function manifestFor(target: Target): ManifestV3Export {
  const manifest = structuredClone(baseManifest) as Omit<
    typeof baseManifest,
    'host_permissions' | 'content_scripts'
  > & {
    host_permissions: string[];
    content_scripts: { matches: string[]; js: string[]; run_at: string }[];
  };
  // Sign-in hosts: capture, re-POST, federation console sign-in. STS hosts: credentials.
  manifest.host_permissions = [...SIGNIN_HOST_PATTERNS, ...STS_HOST_PATTERNS];
  for (const script of manifest.content_scripts) script.matches = [...PICKER_PAGE_MATCHES];
  if (target !== 'chrome') throw new Error(`unknown target ${String(target)}`);
  return manifest as ManifestV3Export;
}

export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest: manifestFor('chrome'),
      contentScripts: { standaloneFiles: ['src/shared/content/awsPicker.ts'] },
    }),
    buildReport({ budgets: { 'popup/index.html+background/index.ts': 40 * 1024 } }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    // Extension pages load from disk: no polyfill module in the popup's critical path.
    modulePreload: { polyfill: false },
    // The sign-in page is opened by the extension itself, so the manifest does not list it.
    rollupOptions: { input: { signin: 'src/popup/signin.html' } },
  },
});
