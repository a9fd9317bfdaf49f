/** Set at build time by vite.config.ts from TARGET: the browser this build is for. */
interface ImportMetaEnv {
  readonly TARGET: 'chrome' | 'firefox';
}
