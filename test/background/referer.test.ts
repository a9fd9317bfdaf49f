import { describe, expect, it } from 'vitest';
import { historyStore } from '../../src/background/capture/history-store.ts';
import { captureStore } from '../../src/background/capture/store.ts';
import { handleReferer } from '../../src/background/handlers/referer.ts';
import { handleSamlPost } from '../../src/background/handlers/saml-post.ts';
import { inspectPostedForm as inspect } from '../../src/core/index.ts';
import { credentialsStore } from '../../src/shared/credentials-store.ts';
import { settingsStore } from '../../src/shared/settings-store.ts';
import type { WorkerDeps } from '../../src/background/handlers/deps.ts';
import { FIXTURE_NOW, samlResponseBase64 } from './fixtures.ts';
import { memoryArea } from './memory-area.ts';

function deps(): WorkerDeps {
  const session = memoryArea();
  return {
    captures: captureStore(session),
    history: historyStore(session, { size: async () => 20 }),
    credentials: credentialsStore(session, () => FIXTURE_NOW),
    settings: settingsStore(memoryArea()),
    inspect,
    now: () => FIXTURE_NOW,
    setBadge: async () => undefined,
  };
}
const post = {
  tabId: 2,
  url: 'https://signin.aws.amazon.com/saml',
  body: { formData: { SAMLResponse: [samlResponseBase64()] } },
};

describe('handleReferer', () => {
  it('records the IdP origin when the POST did not name it', async () => {
    const d = deps();
    await handleSamlPost(post, d);
    await handleReferer(2, 'https://idp.example.com/app/aws/sso?x=1', d);
    expect(await d.captures.get(2)).toMatchObject({ idpUrl: 'https://idp.example.com/' });
    expect(await d.captures.summary(2)).toMatchObject({ idpUrl: 'https://idp.example.com/' });
  });

  it('ignores AWS’s own picker and extension pages as referers', async () => {
    const d = deps();
    await handleSamlPost(post, d);
    await handleReferer(2, 'https://signin.aws.amazon.com/saml', d);
    await handleReferer(2, 'chrome-extension://abc/src/popup/signin.html', d);
    expect((await d.captures.get(2))?.idpUrl).toBeUndefined();
  });

  it('does nothing for a tab without a capture', async () => {
    const d = deps();
    await handleReferer(3, 'https://idp.example.com/', d);
    expect(await d.captures.get(3)).toBeUndefined();
  });
});
