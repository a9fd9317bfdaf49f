import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeFor } from '../../src/background/badge.ts';
import { captureFromPost } from '../../src/background/capture/from-post.ts';
import { inspectPostedForm as inspect } from '../../src/core/index.ts';
import { FIXTURE_NOW, samlResponseBase64 } from './fixtures.ts';

const capture = (saml: string) =>
  captureFromPost(
    {
      tabId: 1,
      url: 'https://signin.aws.amazon.com/saml',
      body: { formData: { SAMLResponse: [saml] } },
    },
    { inspect, now: () => FIXTURE_NOW },
  );

describe('badgeFor', () => {
  it('counts roles, capping the text so it fits', () => {
    expect(badgeFor(capture(samlResponseBase64({ roles: 1 })))).toEqual({
      text: '1',
      color: BADGE_COLORS.ok,
    });
    expect(badgeFor(capture(samlResponseBase64({ roles: 1200, accounts: 40 })))?.text).toBe('999+');
  });

  it('turns red when the lint reports errors', () => {
    const badge = badgeFor(capture(samlResponseBase64({ roles: null })));
    expect(badge).toEqual({ text: '0', color: BADGE_COLORS.lintErrors });
    expect(BADGE_COLORS.lintErrors, 'an error badge looks different').not.toBe(BADGE_COLORS.ok);
  });

  it('shows nothing without a capture', () => {
    expect(badgeFor(undefined)).toBeUndefined();
  });
});
