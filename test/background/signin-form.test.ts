import { describe, expect, it } from 'vitest';
import { captureFromPost } from '../../src/background/capture/from-post.ts';
import { signinFormFor } from '../../src/background/signin-form.ts';
import { inspectPostedForm as inspect } from '../../src/core/index.ts';
import { FIXTURE_NOW, roleArn, samlResponseBase64 } from './fixtures.ts';

const captureAt = (url: string) =>
  captureFromPost(
    { tabId: 1, url, body: { formData: { SAMLResponse: [samlResponseBase64()] } } },
    { inspect, now: () => FIXTURE_NOW },
  );

describe('signinFormFor', () => {
  it.each([
    [
      'https://us-gov-west-1.signin.amazonaws-us-gov.com/saml',
      'https://us-gov-west-1.signin.amazonaws-us-gov.com/saml',
    ],
    [
      'https://eu-west-1.signin.aws.amazon.com/saml/',
      'https://eu-west-1.signin.aws.amazon.com/saml',
    ],
    ['https://signin.amazonaws.cn/saml', 'https://signin.amazonaws.cn/saml'],
    [
      'https://eu-west-1.signin.aws.amazon.com/saml/acs/SAMLSP4EXAMPLE',
      'https://eu-west-1.signin.aws.amazon.com/saml/acs/SAMLSP4EXAMPLE',
    ],
  ])('posts back to the host the IdP posted to (%s)', (url, action) => {
    const reply = signinFormFor(captureAt(url), roleArn(0, 0), FIXTURE_NOW);
    expect(reply).toMatchObject({ ok: true, form: { action } });
  });

  it('posts back to a URL ending in 40,000 slashes and a space without them, in linear time', () => {
    const start = performance.now();
    const reply = signinFormFor(
      captureAt(`https://signin.aws.amazon.com/saml${'/'.repeat(40_000)} `),
      roleArn(0, 0),
      FIXTURE_NOW,
    );
    expect(reply).toMatchObject({
      ok: true,
      form: { action: 'https://signin.aws.amazon.com/saml' },
    });
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('does not offer a re-POST for IAM Identity Center ACS captures', () => {
    const reply = signinFormFor(
      captureAt('https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/abc-123'),
      roleArn(0, 0),
      FIXTURE_NOW,
    );
    expect(reply).toMatchObject({ ok: false, reason: 'not-iam' });
  });

  it('says when there is nothing to sign in with', () => {
    expect(signinFormFor(undefined, roleArn(0, 0), FIXTURE_NOW)).toMatchObject({
      ok: false,
      reason: 'missing',
    });
  });
});
