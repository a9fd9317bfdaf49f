// The extension end to end: IdP login, auto-POST to AWS (the stand-in), popup, sign in as a role.
// Every scenario runs in Chromium and in Firefox, one browser launch per browser.
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_COLORS } from '../../src/background/badge.ts';
import { BROWSERS, E2E_WAIT_MS, waitForNewPage } from './harness.ts';
import { text, visibleRoleArns } from './popup.ts';
import {
  assumedRole,
  loginAt,
  openAwsApp,
  SHORT_LIVED_SECONDS,
  startWorld,
  type World,
} from './world.ts';

/** `#1d4ed8` as the browser reports a badge colour: [red, green, blue, alpha]. */
function rgba(hex: string): number[] {
  return [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).concat(255);
}

/** Presses a key that makes the popup close itself; the closing may interrupt the key-up. */
async function pressAndClose(popup: Page, key: 'Enter', modifier?: 'Shift'): Promise<void> {
  if (modifier) await popup.keyboard.down(modifier);
  await popup.keyboard.press(key).catch(() => undefined);
}

describe.each(BROWSERS)('%s', (browserName) => {
  let world: World;
  beforeAll(async () => {
    await mkdir(resolve(import.meta.dirname, '../../docs'), { recursive: true });
    world = await startWorld({ manyRoles: 500, browser: browserName });
  });
  afterAll(async () => {
    await world?.close();
  });

  describe('the extension with the companion IdP and the AWS stand-in', () => {
    it('captures the auto-POST, lists roles by account, and signs in as the picked role', async () => {
      const page = await loginAt(world, 'bob');
      await openAwsApp(page, world.idpUrl, 'aws');
      expect(await page.$('form#saml_form')).not.toBeNull();
      const tabId = await world.ext.tabId(page);
      const popup = await world.ext.openPopup(page);
      expect(await text(popup, 'session-name')).toBe('bob');
      expect(await text(popup, 'issuer')).toBe(world.idpUrl);
      expect(await text(popup, 'expires-in')).toMatch(/^expires in [45]:\d\d$/);
      expect(await text(popup, 'match-count')).toBe('5 roles');
      const badge = await world.ext.evaluateInWorker<[string, number[]]>(
        `Promise.all([chrome.action.getBadgeText({ tabId: ${tabId} }), chrome.action.getBadgeBackgroundColor({ tabId: ${tabId} })])`,
      );
      expect(badge).toEqual(['5', rgba(BADGE_COLORS.ok)]);
      const accounts = await popup.$$eval('[data-testid="account-row"]', (rows) =>
        rows.map((r) => r.getAttribute('data-account-id')),
      );
      expect(accounts).toEqual(['111111111111', '222222222222', '333333333333']);
      expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'search',
      );

      await popup.keyboard.type('222 deploy');
      expect(await text(popup, 'match-count')).toBe('1 of 5');
      expect(await visibleRoleArns(popup)).toEqual(['arn:aws:iam::222222222222:role/Deployer']);
      await pressAndClose(popup, 'Enter');
      expect(await assumedRole(page)).toBe('arn:aws:sts::222222222222:assumed-role/Deployer/bob');
      // The choice is remembered as a recent role.
      const again = await world.ext.openPopup(page);
      expect(await world.ext.popupClosed(popup)).toBe(true);
      expect((await visibleRoleArns(again))[0]).toBe('arn:aws:iam::222222222222:role/Deployer');
      await again.close();
      await page.close();
    });

    it('shows a single-role assertion that AWS signs in with directly', async () => {
      const page = await loginAt(world, 'alice');
      await openAwsApp(page, world.idpUrl, 'aws');
      expect(await assumedRole(page)).toBe(
        'arn:aws:sts::123412341234:assumed-role/developer/alice',
      );
      const popup = await world.ext.openPopup(page);
      expect(await visibleRoleArns(popup)).toEqual(['arn:aws:iam::123412341234:role/developer']);
      await popup.close();
      await page.close();
    });

    it('lists 500 roles, filters with several terms, moves with arrow keys, and Shift+Enter signs in in a new tab', async () => {
      const page = await loginAt(world, 'many');
      await openAwsApp(page, world.idpUrl, 'aws');
      const popup = await world.ext.openPopup(page);
      expect(await text(popup, 'match-count')).toBe('500 roles');
      const rendered = await popup.$$eval('[data-testid="role-row"]', (rows) => rows.length);
      expect(rendered).toBeLessThan(40); // only the rows on screen are in the DOM
      // 500 role values make a response over AWS's 100,000-character limit: the popup says so first.
      expect(
        await popup.$eval('[data-testid="lint-errors"]', (el) => el.getAttribute('data-codes')),
      ).toContain('response-too-large');
      await popup.keyboard.type('210000000003 generated-00');
      expect(await text(popup, 'match-count')).toBe('10 of 500');
      const matches = await visibleRoleArns(popup);
      expect(matches[0]).toBe('arn:aws:iam::210000000003:role/generated-0004');
      const highlighted = () =>
        popup.$eval('[aria-selected="true"]', (el) => el.getAttribute('data-role-arn'));
      expect(await highlighted()).toBe(matches[0]);
      await popup.keyboard.press('ArrowDown');
      await popup.keyboard.press('ArrowDown');
      await popup.keyboard.press('ArrowUp');
      expect(await highlighted()).toBe(matches[1]);
      // The sign-in page opens in a new tab (Firefox reports moz-extension:// URLs as about:blank).
      const before = new Set([...(await world.ext.browser.pages()), popup]);
      await pressAndClose(popup, 'Enter', 'Shift');
      const tab = await waitForNewPage(world.ext.browser, before);
      // The stand-in, like AWS, refuses the oversized response; the re-POST carried the chosen role.
      await tab.waitForSelector('[data-testid="stand-in-banner"]', { timeout: E2E_WAIT_MS });
      expect(await tab.evaluate(() => document.body.innerText)).toContain(
        'AWS takes at most 100000',
      );
      const settings = await world.ext.evaluateInWorker<{ settings: { recents: string[] } }>(
        'chrome.storage.local.get("settings")',
      );
      expect(settings.settings.recents[0]).toBe(matches[1]);
      expect(page.url()).toMatch(/^https:\/\/signin\.aws\.amazon\.com\/saml/); // the captured tab stays
      await tab.close();
      await page.close();
    });

    it('says an expired assertion has expired and offers the IdP instead of failing at AWS', async () => {
      const page = await loginAt(world, 'bob', world.shortIdpUrl);
      await openAwsApp(page, world.shortIdpUrl, 'aws');
      // Before the popup opens: bringing the tab to the front closes Chromium's popup.
      const tabId = await world.ext.tabId(page);
      await new Promise((r) => setTimeout(r, SHORT_LIVED_SECONDS * 1000 + 500));
      const popup = await world.ext.openPopup(page);
      expect(await text(popup, 'expired')).toContain('This SAML assertion has expired');
      // What is left of the capture holds no assertion.
      // The popup has the worker drop the assertion; what is left holds nothing secret.
      const sessionStorage = () =>
        world.ext.evaluateInWorker<Record<string, unknown>>('chrome.storage.session.get(null)');
      await expect
        .poll(async () => JSON.stringify(await sessionStorage()))
        .toContain('"kind":"expired"');
      // The tab's own keys hold no assertion; the history's copy of the capture (decoded, for the
      // history and diff views) never held the SAMLResponse.
      const stored = await sessionStorage();
      // This tab's keys only: other tests' tabs may still hold live captures.
      const tabKeys = Object.entries(stored).filter(([key]) => key.endsWith(`:${tabId}`));
      expect(tabKeys.length).toBeGreaterThan(0);
      expect(JSON.stringify(tabKeys)).not.toMatch(/samlResponse|inspection/);
      expect(Object.keys(stored)).toContain('history');
      expect(JSON.stringify(stored)).not.toMatch(/"samlResponse":"[^"]/);
      // The companion IdP sends no Referer, so "back" is the tab's history: the IdP's SSO page.
      const visited: string[] = [];
      page.on('framenavigated', (frame) => frame === page.mainFrame() && visited.push(frame.url()));
      await popup.click('[data-testid="back-to-idp"]').catch(() => undefined);
      await page.waitForFunction(() => true, { timeout: 100 }).catch(() => undefined);
      await expect
        .poll(() => visited.some((url) => url.startsWith(world.shortIdpUrl)), {
          timeout: E2E_WAIT_MS,
        })
        .toBe(true);
      await page.close();
    });

    it.each([
      [
        'carol',
        'aws-us-east-2',
        'us-east-2.signin.aws.amazon.com',
        'arn:aws:sts::444455556666:assumed-role/Analyst/carol@example.com',
      ],
      [
        'dave',
        'aws-govcloud',
        'signin.amazonaws-us-gov.com',
        'arn:aws-us-gov:sts::555566667777:assumed-role/GovOperator/dave',
      ],
    ])(
      're-POSTs to the endpoint host the IdP used (%s via %s)',
      async (user, slug, host, assumed) => {
        const page = await loginAt(world, user);
        await openAwsApp(page, world.idpUrl, slug);
        expect(new URL(page.url()).host).toBe(host);
        expect(await assumedRole(page)).toBe(assumed); // one role: AWS signed in without a picker
        await page.evaluate(() => ((window as { before?: boolean }).before = true));
        const popup = await world.ext.openPopup(page);
        await popup.click('[data-testid="role-row"]').catch(() => undefined);
        await page.waitForFunction(
          () =>
            !(window as { before?: boolean }).before && document.querySelector('#assumed-role-arn'),
        );
        expect(await assumedRole(page)).toBe(assumed);
        expect(new URL(page.url()).host).toBe(host);
        // The re-POST itself was captured with its roleIndex: that role is now recent.
        const settings = await world.ext.evaluateInWorker<string>(
          'chrome.storage.local.get("settings").then((s) => JSON.stringify(s))',
        );
        expect(settings).toContain(
          assumed.includes('Analyst') ? 'role/Analyst' : 'role/GovOperator',
        );
        await page.close();
      },
    );

    it('captures a body that the browser hands over only as raw bytes', async () => {
      await world.ext.evaluateInWorker(
        `chrome.webRequest.onBeforeRequest.addListener((d) => { if (d.method === 'POST') globalThis.__bodies = [...(globalThis.__bodies ?? []), { formData: Boolean(d.requestBody && d.requestBody.formData), raw: Boolean(d.requestBody && d.requestBody.raw) }]; }, { urls: ['https://signin.aws.amazon.com/saml'] }, ['requestBody']); true`,
      );
      const page = await loginAt(world, 'many');
      // The IdP's CSP lets its pages fetch nothing and post forms only to itself: the response is
      // fetched here with the browser's session cookie, and posted from a page of the stand-in.
      const cookie = (await page.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
      const autoPost = await (
        await fetch(`${world.idpUrl}/applications/aws/sso`, { headers: { cookie } })
      ).text();
      const samlResponse = /name="SAMLResponse" value="([^"]+)"/.exec(autoPost)?.[1] ?? '';
      expect(samlResponse.length).toBeGreaterThan(50_000);
      await page.goto('https://signin.aws.amazon.com/');
      // A text/plain form is not parsed into formData; its one field carries a url-encoded form body.
      await page.evaluate((saml) => {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = 'https://signin.aws.amazon.com/saml';
        form.enctype = 'text/plain';
        const input = document.createElement('input');
        input.name = 'SAMLResponse';
        input.value = `${encodeURIComponent(saml)}&RelayState=raw-test`;
        form.append(input);
        document.body.append(form);
        form.submit();
      }, samlResponse);
      await page.waitForSelector('[data-testid="stand-in-banner"]', { timeout: E2E_WAIT_MS });
      const bodies =
        await world.ext.evaluateInWorker<{ formData: boolean; raw: boolean }[]>(
          'globalThis.__bodies',
        );
      expect(bodies.at(-1)).toEqual({ formData: false, raw: true });
      const popup = await world.ext.openPopup(page);
      expect(await text(popup, 'match-count')).toBe('500 roles');
      await popup.close();
      await page.close();
    });

    it('keeps the capture when the background is stopped (worker / event page), and still signs in', async () => {
      const page = await loginAt(world, 'bob');
      await openAwsApp(page, world.idpUrl, 'aws');
      await world.ext.evaluateInWorker('globalThis.__beforeRestart = true');
      await world.ext.stopWorker();
      const popup = await world.ext.openPopup(page);
      expect(await world.ext.evaluateInWorker('globalThis.__beforeRestart')).toBeUndefined();
      expect(await text(popup, 'match-count')).toBe('5 roles');
      await popup.keyboard.type('billing');
      await pressAndClose(popup, 'Enter');
      expect(await assumedRole(page)).toBe(
        'arn:aws:sts::333333333333:assumed-role/BillingViewer/bob',
      );
      await page.close();
    });
  });

  describe('aliases, favourites and details', () => {
    /** AWS's role-selection markup with account aliases, as the real page shows them. */
    const awsPickerWithAliases = `<!doctype html><title>Amazon Web Services Sign-In</title>
      <p data-testid="stand-in-banner">AWS role selection with aliases (test page)</p>
      <form id="saml_form">
        <div class="saml-account"><div class="saml-account-name">Account: platform-prod (111111111111)</div></div>
        <div class="saml-account"><div class="saml-account-name">Account: platform-staging (222222222222)</div></div>
        <div class="saml-account"><div class="saml-account-name">Account: 333333333333</div></div>
      </form>`;

    it('learns aliases from AWS’s role-selection page, pins a favourite, and shows every detail', async () => {
      const page = await loginAt(world, 'bob');
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url() === 'https://signin.aws.amazon.com/saml') {
          void request.respond({
            status: 200,
            contentType: 'text/html',
            body: awsPickerWithAliases,
          });
        } else void request.continue();
      });
      await openAwsApp(page, world.idpUrl, 'aws');
      const aliases = async () =>
        (
          await world.ext.evaluateInWorker<{
            settings?: { accounts: Record<string, { alias?: string }> };
          }>('chrome.storage.local.get("settings")')
        ).settings?.accounts ?? {};
      await expect
        .poll(async () => (await aliases())['222222222222']?.alias)
        .toBe('platform-staging');
      expect((await aliases())['333333333333']).toBeUndefined();

      const popup = await world.ext.openPopup(page);
      const aliasOf = (id: string) =>
        popup.$eval(`[data-account-id="${id}"] .account-alias`, (el) => el.textContent);
      expect(await aliasOf('111111111111')).toBe('platform-prod');
      await popup.keyboard.type('staging');
      expect(await text(popup, 'match-count')).toBe('2 of 5');
      // The star is a button of the highlighted role's actions, drawn over its row: hovering a
      // row highlights it, then the star there is the one of its role.
      await popup.hover('[data-role-arn="arn:aws:iam::222222222222:role/Deployer"]');
      await popup.click(
        '[data-testid="role-actions"][data-role-arn="arn:aws:iam::222222222222:role/Deployer"] [data-testid="favourite"]',
      );
      await popup.click('[data-testid="search"]', { count: 3 });
      await popup.keyboard.press('Backspace');
      await popup.waitForSelector('.row.section');
      expect((await visibleRoleArns(popup))[0]).toBe('arn:aws:iam::222222222222:role/Deployer');
      // Every run screenshots each browser into artifacts/ (ignored by git); UPDATE_SCREENSHOT=1
      // makes Chromium's the README's, so a test run never leaves the checkout modified.
      const shot =
        browserName === 'chromium' && process.env.UPDATE_SCREENSHOT === '1'
          ? resolve(import.meta.dirname, '../../docs/popup.png')
          : resolve(import.meta.dirname, `../../artifacts/popup-${browserName}.png`);
      await mkdir(dirname(shot), { recursive: true });
      await popup.screenshot({ path: shot });

      await popup.click('[data-testid="toggle-details"]');
      await popup.waitForSelector('[data-testid="facts"]');
      // The popup window grows to fit the details; let it settle so the picture shows them.
      await new Promise((done) => setTimeout(done, 300));
      await popup.screenshot({
        path: resolve(import.meta.dirname, `../../artifacts/details-${browserName}.png`),
        fullPage: true,
      });
      const facts = await popup.$$eval('[data-testid="facts"] > div', (rows) =>
        Object.fromEntries(
          rows.map((r) => [r.querySelector('dt')?.textContent, r.querySelector('dd')?.textContent]),
        ),
      );
      expect(facts).toMatchObject({
        Issuer: world.idpUrl,
        NameID: 'bob',
        Audience: 'urn:amazon:webservices',
        Recipient: 'https://signin.aws.amazon.com/saml',
      });
      expect(facts.Signature).toMatch(/^signed: assertion/);
      expect(facts.NotOnOrAfter).toMatch(/^\d{4}-\d\d-\d\dT/);
      const attributes = await popup.$$eval('[data-testid="attributes"] dt', (dts) =>
        dts.map((dt) => dt.textContent),
      );
      expect(attributes).toEqual(
        expect.arrayContaining([
          'https://aws.amazon.com/SAML/Attributes/Role',
          'https://aws.amazon.com/SAML/Attributes/RoleSessionName',
        ]),
      );

      // Copies go through the page's clipboard call; captured here to check what would be pasted.
      await popup.evaluate(() => {
        const copied: string[] = [];
        (window as unknown as { copied: string[] }).copied = copied;
        navigator.clipboard.writeText = async (value: string) => void copied.push(value);
      });
      await popup.click('[data-testid="copy-json"]');
      await popup.click('[data-testid="copy-markdown"]');
      await popup.click('[data-testid="include-raw"]');
      await popup.click('[data-testid="copy-json"]');
      const copied = await popup.evaluate(() => (window as unknown as { copied: string[] }).copied);
      expect(copied).toHaveLength(3);
      const json = JSON.parse(copied[0]!) as { roles: unknown[]; samlResponse?: string };
      expect(json.roles).toHaveLength(5);
      expect(json.samlResponse).toBeUndefined();
      expect(copied[1]).toContain('# SAML response');
      expect(copied[1]).not.toContain('## SAMLResponse');
      expect((JSON.parse(copied[2]!) as { samlResponse?: string }).samlResponse).toMatch(
        /^PD94|^PHNhbWxw|^[A-Za-z0-9+/]{100}/,
      );
      await popup.close();
      await page.close();
    });
  });

  describe('other captures and the options page', () => {
    it('shows the core’s error for a POST that does not decode, with a red badge', async () => {
      const page = await world.ext.browser.newPage();
      // Any page will do; the stand-in's lets its forms post to its own /saml.
      await page.goto('https://signin.aws.amazon.com/');
      await page.evaluate(() => {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = 'https://signin.aws.amazon.com/saml';
        const input = Object.assign(document.createElement('input'), {
          name: 'SAMLResponse',
          value: 'this is not base64!',
        });
        form.append(input);
        document.body.append(form);
        form.submit();
      });
      await page.waitForSelector('[data-testid="stand-in-banner"]');
      const tabId = await world.ext.tabId(page);
      const popup = await world.ext.openPopup(page);
      expect(await text(popup, 'capture-error')).toContain('The SAML POST could not be read');
      expect((await text(popup, 'capture-error-message')).length).toBeGreaterThan(10);
      const badge = await world.ext.evaluateInWorker<string>(
        `chrome.action.getBadgeText({ tabId: ${tabId} })`,
      );
      expect(badge).toBe('!');
      await popup.close();
      await page.close();
    });

    it('describes an IAM Identity Center sign-in instead of offering roles', async () => {
      const page = await loginAt(world, 'erin');
      await openAwsApp(page, world.idpUrl, 'aws-identity-center');
      const popup = await world.ext.openPopup(page);
      expect(await text(popup, 'identity-center')).toContain('IAM Identity Center');
      await popup.click('[data-testid="toggle-details"]');
      await popup.waitForSelector('[data-testid="facts"]');
      expect(await popup.$eval('[data-testid="facts"]', (el) => el.textContent)).toContain(
        '/platform/saml/acs/',
      );
      await popup.close();
      await page.close();
    });

    it('edits aliases, imports settings with colours, and follows the system’s dark mode', async () => {
      await world.ext.evaluateInWorker(
        `chrome.storage.local.set({ settings: { accounts: { '111111111111': { alias: 'learned-name', learned: true } }, favourites: [], recents: [] } })`,
      );
      const page = await world.ext.browser.newPage();
      await world.ext.emulateColorScheme(page, 'dark');
      // Firefox sends no load event for extension pages.
      await page.goto(world.ext.extensionUrl('src/options/index.html'), {
        waitUntil: 'networkidle0',
      });
      await page.waitForSelector('[data-testid="accounts"]');
      expect(await page.$eval('body', (b) => getComputedStyle(b).backgroundColor)).toBe(
        'rgb(17, 24, 39)',
      );
      expect(
        await page.$eval('[data-account-id="111111111111"]', (row) => row.textContent),
      ).toContain('learned from AWS');
      const alias = await page.$('[aria-label="Alias of 111111111111"]');
      await alias!.click({ count: 3 });
      await alias!.type('prod');
      await page.keyboard.press('Tab'); // change fires on blur
      const stored = async () =>
        (
          await world.ext.evaluateInWorker<{ settings: { accounts: Record<string, unknown> } }>(
            'chrome.storage.local.get("settings")',
          )
        ).settings;
      await expect
        .poll(async () => (await stored()).accounts['111111111111'])
        .toEqual({ alias: 'prod' });

      const file = resolve(tmpdir(), `saml-roles-settings-${process.pid}.json`);
      await writeFile(
        file,
        JSON.stringify({
          accounts: { '444455556666': { alias: 'analytics', color: '#d97706' } },
          favourites: ['arn:aws:iam::444455556666:role/Analyst'],
        }),
      );
      // Firefox reports no file dialog for extension pages over BiDi: set the input's file directly.
      const input = await page.$('input[data-testid="import"]');
      await input!.uploadFile(file);
      expect(await text(page, 'options-message')).toBe('Settings imported.');
      expect(await stored()).toEqual({
        accounts: { '444455556666': { alias: 'analytics', color: '#d97706' } },
        favourites: ['arn:aws:iam::444455556666:role/Analyst'],
        recents: [],
      });
      await page.close();
    });
  });
});
