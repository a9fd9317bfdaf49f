// Keep fresh's optional API permissions per browser: the manifests (scripts/manifest.ts) declare
// them, the options page asks for them when the user turns keep fresh on. Chrome accepts
// `declarativeNetRequestWithHostAccess` as optional (plain `declarativeNetRequest` it drops
// from optional_permissions); Firefox cannot make either optional (bug 1827855), but blocks
// with `webRequestBlocking`, which it can. Firefox refuses `alarms` as optional (web-ext lint:
// MANIFEST_OPTIONAL_PERMISSIONS), so its manifest asks for it up front: it shows no prompt and
// does nothing until keep fresh sets an alarm.
export const KEEP_FRESH_PERMISSIONS_BY_TARGET = {
  chrome: ['alarms', 'scripting', 'declarativeNetRequestWithHostAccess'],
  firefox: ['scripting', 'webRequestBlocking'],
} as const;

/** Keep fresh's permissions a browser will not take as optional, declared as required there. */
export const KEEP_FRESH_REQUIRED_BY_TARGET = { chrome: [], firefox: ['alarms'] } as const;
