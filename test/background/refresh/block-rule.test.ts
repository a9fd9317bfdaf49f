import { describe, expect, it } from 'vitest';
import { AWS_SIGNIN_DOMAINS, tabBlockRule } from '../../../src/background/refresh/block-rule.ts';
import { judgeLandedPage } from '../../../src/background/refresh/landed-page.ts';

describe('tabBlockRule', () => {
  it('blocks POSTs to every AWS sign-in domain from that one tab only', () => {
    expect(tabBlockRule(7, 42)).toEqual({
      id: 7,
      priority: 1,
      action: { type: 'block' },
      condition: {
        tabIds: [42],
        requestDomains: [
          'signin.aws.amazon.com',
          'signin.amazonaws-us-gov.com',
          'signin.amazonaws.cn',
        ],
        requestMethods: ['post'],
        resourceTypes: ['main_frame', 'sub_frame'],
      },
    });
  });

  it('never leaves the tab condition out (a rule without it would block the user too)', () => {
    for (const tabId of [0, 1, 2 ** 31 - 1])
      expect(tabBlockRule(1, tabId).condition.tabIds).toEqual([tabId]);
    expect(AWS_SIGNIN_DOMAINS.every((domain) => !domain.includes('*'))).toBe(true);
  });
});

describe('judgeLandedPage', () => {
  it('calls a page with a password field and no SAMLResponse form a login page', () => {
    expect(judgeLandedPage({ url: 'https://idp/login', passwordFields: 1, samlForms: 0 })).toBe(
      'needs-user',
    );
  });

  it('keeps waiting on an auto-post page, a redirect hop or a page it could not read', () => {
    expect(judgeLandedPage({ url: 'https://idp/sso', passwordFields: 0, samlForms: 1 })).toBe(
      'keep-waiting',
    );
    // A login page that also holds the auto-post form is about to post.
    expect(judgeLandedPage({ url: 'https://idp/sso', passwordFields: 1, samlForms: 1 })).toBe(
      'keep-waiting',
    );
    expect(judgeLandedPage({ url: 'https://idp/next', passwordFields: 0, samlForms: 0 })).toBe(
      'keep-waiting',
    );
  });
});
