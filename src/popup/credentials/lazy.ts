// The credentials chunk's one entry, so the panel and its browser wiring load (and split) as one.
export { CredentialsPanel } from './CredentialsPanel.tsx';
export { browserCredentialsDeps } from './browserDeps.ts';
