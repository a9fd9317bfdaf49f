// The extension's only door to browser APIs: browser differences stay in this folder.
export * from './action.ts';
export * from './messages.ts';
export * from './runtime.ts';
export * from './storage.ts';
export * from './tabs.ts';
export type * from './types.ts';
export { onSamlPost, onSamlPostReferer, toSamlPost } from './web-request.ts';
