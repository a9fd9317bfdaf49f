// AWS's own role-selection page (the stand-in's copy) with the extension's panel, reached without
// the popup: the search box is focused, typing filters, Enter signs in as the single match through
// AWS's own form; favourites are pinned, aliases shown, the role used last marked.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, E2E_WAIT_MS } from './harness.ts';
import { assumedRole, loginAt, openAwsApp, startWorld, type World } from './world.ts';

const BILLING = 'arn:aws:iam::333333333333:role/BillingViewer';
const DEPLOYER = 'arn:aws:iam::222222222222:role/Deployer';

const roleArns = (page: Page): Promise<string[]> =>
  page.$$eval('[data-testid="saml-roles-panel"] [data-role-arn]', (buttons) =>
    buttons.map((b) => b.getAttribute('data-role-arn') ?? ''),
  );
const statusText = (page: Page): Promise<string> =>
  page.$eval('[data-testid="saml-roles-panel"] [role="status"]', (el) => el.textContent ?? '');

describe.each(BROWSERS)('%s', (browserName) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ manyRoles: 5, browser: browserName });
    await world.ext.evaluateInWorker(
      `chrome.storage.local.set({ settings: ${JSON.stringify({
        accounts: { '111111111111': { alias: 'platform-prod', color: '#d97706' } },
        favourites: [BILLING],
        recents: [],
      })} })`,
    );
  });
  afterAll(async () => {
    await world?.close();
  });

  it('on AWS’s role page: focused search, filter as you type, Enter signs in as the one match', async () => {
    const page = await loginAt(world, 'bob');
    await openAwsApp(page, world.idpUrl, 'aws');
    await page.waitForSelector('#saml-roles-search', { timeout: E2E_WAIT_MS });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('saml-roles-search');
    expect(await statusText(page)).toBe('5 roles');
    // Favourites pinned on top, then AWS's accounts in order.
    expect((await roleArns(page))[0]).toBe(BILLING);
    expect(
      await page.$eval('[data-account-id="111111111111"]', (el) => el.textContent ?? ''),
    ).toContain('platform-prod');

    await page.keyboard.type('222 deploy');
    expect(await roleArns(page)).toEqual([DEPLOYER]);
    expect(await statusText(page)).toBe('1 of 5 roles matches');
    await page.keyboard.press('Enter');
    expect(await assumedRole(page)).toBe('arn:aws:sts::222222222222:assumed-role/Deployer/bob');

    // The worker remembered the role from AWS's form; the panel marks it the next time.
    await openAwsApp(page, world.idpUrl, 'aws');
    const marked = await page.waitForSelector(
      `[data-role-arn="${DEPLOYER}"] .saml-roles-panel__last-used`,
      { timeout: E2E_WAIT_MS },
    );
    expect(await marked!.evaluate((el) => el.textContent)).toBe('last used');
    await page.close();
  });

  it('leaves a page it does not know alone: only the aliases are read', async () => {
    const page = await loginAt(world, 'bob');
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url() === 'https://signin.aws.amazon.com/saml') {
        void request.respond({
          status: 200,
          contentType: 'text/html',
          // A reshaped page: the accounts are there, the roles are no longer roleIndex radios.
          body: `<!doctype html><title>Amazon Web Services Sign-In</title>
            <p data-testid="stand-in-banner">Changed role page (test page)</p>
            <form id="saml_form"><button id="signin_button">Sign In</button>
              <div class="saml-account"><div class="saml-account-name">Account: changed-alias (444444444444)</div>
              <div class="saml-role"><input type="radio" name="role" value="0"></div></div>
            </form>`,
        });
      } else void request.continue();
    });
    await openAwsApp(page, world.idpUrl, 'aws');
    await expect
      .poll(async () =>
        world.ext.evaluateInWorker<string | undefined>(
          'chrome.storage.local.get("settings").then((s) => s.settings?.accounts?.["444444444444"]?.alias)',
        ),
      )
      .toBe('changed-alias');
    expect(await page.$('[data-testid="saml-roles-panel"]')).toBeNull();
    expect(await page.$$eval('[class^="saml-roles-panel"]', (els) => els.length)).toBe(0);
    await page.close();
  });
});
