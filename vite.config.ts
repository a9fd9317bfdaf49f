// Builds the extension for one browser: Chrome into dist/ (default), Firefox into dist-firefox/
// with TARGET=firefox. Every manifest difference lives in scripts/manifest.ts.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { buildReport } from './scripts/build-report.ts';
import { isTarget, manifestFor, OUT_DIRS } from './scripts/manifest.ts';

const target = process.env.TARGET ?? 'chrome';
if (!isTarget(target)) throw new Error(`TARGET must be chrome or firefox, not ${target}`);

export default defineConfig({
  // Code that differs per browser asks the build, not the user agent (typed in src/platform).
  define: { 'import.meta.env.TARGET': JSON.stringify(target) },
  plugins: [
    preact(),
    crx({
      manifest: manifestFor(target),
      browser: target,
      contentScripts: { standaloneFiles: ['src/content/aws-picker.ts'] },
    }),
    // Two budgets, each for what its size costs. The popup is what a person waits for on a click.
    // The worker loads from disk when the browser wakes it, never on a click, and since issue 12
    // it calls AssumeRoleWithSAML itself (the bridge and keep fresh) and runs the background
    // sign-in; Chrome's service workers cannot import() that code later. With the session's
    // capture history (issue 14) it grew from 25.6 to 40.4 KB. A hand-kept chunk grouping saved
    // the worker 0.6 KB but put 32 KB more on the options page, so the bundler splits as it likes.
    // Each line stops its own growth; trimming stays open work.
    buildReport({
      label: target,
      budgets: { 'popup/index.html': 18 * 1024, 'background/index.ts': 41 * 1024 },
    }),
  ],
  build: {
    outDir: OUT_DIRS[target],
    emptyOutDir: true,
    target: target === 'chrome' ? 'chrome120' : 'firefox140',
    // Extension pages load from disk: no polyfill module in the popup's critical path.
    modulePreload: { polyfill: false },
    // The sign-in page is opened by the extension itself, so the manifest does not list it.
    rollupOptions: { input: { signin: 'src/popup/signin.html' } },
  },
});
