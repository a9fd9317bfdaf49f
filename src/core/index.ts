// The whole core, for Node surfaces (the CLI, the IdP). Extension code imports the entry it
// needs, so each bundle carries only that: inspect (SAML and what AWS makes of it), credentials
// (STS), settings, xml, policy (IAM context keys and trust policies).
export * from './inspect.ts';
export * from './credentials.ts';
export * from './settings.ts';
export * from './xml.ts';
export { nearestName } from './nearest-name.ts';
export * from './policy.ts';
export * from './bridge.ts';
