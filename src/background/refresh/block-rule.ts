// The declarativeNetRequest rule that stops a background sign-in's POST before it reaches AWS:
// re-posting the assertion would sign the user's AWS console in as another role.
import { SIGNIN_HOST_PATTERNS } from '../../core/inspect.ts';

/** Session rule ids 1..N are never used by anything else in this extension; one per tab. */
export const BLOCK_RULE_ID_BASE = 1;

/** The AWS sign-in domains (a domain covers its regional subdomains in DNR's requestDomains). */
export const AWS_SIGNIN_DOMAINS: readonly string[] = [
  ...new Set(SIGNIN_HOST_PATTERNS.map((pattern) => new URL(pattern.replace('*.', '')).hostname)),
];

/** The subset of chrome.declarativeNetRequest.Rule this extension builds. */
export interface TabBlockRule {
  id: number;
  priority: number;
  action: { type: 'block' };
  condition: {
    tabIds: number[];
    requestDomains: string[];
    requestMethods: ['post'];
    resourceTypes: ['main_frame', 'sub_frame'];
  };
}

/**
 * Blocks POSTs to AWS sign-in from one tab only (`tabIds`): every other tab, the user's console
 * included, is untouched. The webRequest listener still sees the blocked request's body first
 * (Chromium dispatches onBeforeRequest before it applies the block; see README "Keep fresh").
 */
export function tabBlockRule(ruleId: number, tabId: number): TabBlockRule {
  return {
    id: ruleId,
    priority: 1,
    action: { type: 'block' },
    condition: {
      tabIds: [tabId],
      requestDomains: [...AWS_SIGNIN_DOMAINS],
      requestMethods: ['post'],
      resourceTypes: ['main_frame', 'sub_frame'],
    },
  };
}
