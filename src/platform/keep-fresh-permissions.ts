// Keep fresh's optional API permissions per browser: the manifests (scripts/manifest.ts) declare
// them, the options page asks for them when the user turns keep fresh on. Chrome accepts
// `declarativeNetRequestWithHostAccess` as optional (plain `declarativeNetRequest` it drops
// from optional_permissions); Firefox cannot make either optional (bug 1827855), but blocks
// with `webRequestBlocking`, which it can.
export const KEEP_FRESH_PERMISSIONS_BY_TARGET = {
  chrome: ['alarms', 'scripting', 'declarativeNetRequestWithHostAccess'],
  firefox: ['alarms', 'scripting', 'webRequestBlocking'],
} as const;
