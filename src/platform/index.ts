// The extension's only door to browser APIs: browser differences stay in this folder.
export * from './action.ts';
export * from './alarms.ts';
export * from './messages.ts';
export * from './runtime.ts';
export { openSignInTab, showTab, type SignInTabOptions } from './sign-in-tab.ts';
export * from './storage.ts';
export * from './tabs.ts';
export type * from './types.ts';
export { onSamlPost, onSamlPostReferer, toSamlPost } from './web-request.ts';
