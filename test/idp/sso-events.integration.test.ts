// The IdP tells its starter of each SAML response it answers with: the e2e suite counts background
// re-sign-ins by it (issue 12). A refused sign-in, or a page without a response, is not one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../../src/idp/config.ts';
import { startIdp, type SsoEvent } from '../../src/idp/server.ts';
import { Browser, formOf } from './helpers.ts';

let idp: Awaited<ReturnType<typeof startIdp>>;
const events: SsoEvent[] = [];
beforeAll(async () => {
  idp = await startIdp({ config: demoConfig(), onSso: (event) => void events.push(event) });
});
afterAll(async () => {
  await idp?.close();
});

describe('onSso', () => {
  it('is told of each response answered, with user and application', async () => {
    const browser = new Browser(idp.url);
    await browser.login('bob');
    for (let i = 0; i < 2; i++) {
      const page = await browser.get('/applications/aws/sso');
      expect(formOf(await page.text()).fields.SAMLResponse).toBeTruthy();
    }
    expect(events).toEqual([
      { username: 'bob', application: 'aws' },
      { username: 'bob', application: 'aws' },
    ]);
  });

  it('is not told of a visit that got no response', async () => {
    events.length = 0;
    const page = await new Browser(idp.url).get('/applications/aws/sso');
    expect(await page.text()).not.toContain('SAMLResponse');
    expect(events).toEqual([]);
  });
});
