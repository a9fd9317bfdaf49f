// The credentials chunk's one entry, so the panel and its browser wiring load (and split) as one.
export { CredentialsPanel } from './credentials-panel.tsx';
export { browserCredentialsDeps } from './browser-deps.ts';
