// axe-core audits of every page the project draws, in each browser, light and dark: any serious or
// critical violation fails, and a moderate or minor one fails unless ALLOWED says why it stays.
//
// Dark mode: Chromium emulates prefers-color-scheme per page (CDP); Firefox has no BiDi command for
// it, so the harness sets Firefox's content override pref
// (layout.css.prefers-color-scheme.content-override), which every page follows at once.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Allowed, audit, unexpected, type AuditScope } from './axe.ts';
import {
  BROWSERS,
  DIST,
  DIST_FIREFOX,
  E2E_WAIT_MS,
  type ExtensionBrowser,
  waitForNewPage,
} from './harness.ts';
import { text } from './popup.ts';
import {
  assumedRole,
  loginAt,
  openAwsApp,
  SHORT_LIVED_SECONDS,
  startWorld,
  type World,
} from './world.ts';

/** Defined in a page by defineSpoken (below) before a page function calls it. */
declare function spoken(element: Element): string;

const FAVOURITE = 'arn:aws:iam::222222222222:role/Deployer';
const RECENT = 'arn:aws:iam::333333333333:role/BillingViewer';

/** Moderate and minor findings kept on purpose, per page, each with its reason. */
const ALLOWED: Record<string, Allowed[]> = {
  'standin-roles': [
    {
      rule: 'page-has-heading-one',
      reason:
        'AWS’s role-selection page has no h1 (“Select a role:” is a paragraph); the stand-in copies its markup so the extension meets what it meets at AWS',
    },
  ],
};

describe.each(BROWSERS)('%s', (browserName) => {
  let world: World;
  /** bob's tab, on the stand-in's role-selection page after the IdP's auto-POST. */
  let bobTab: Page;
  /** A file for the details view's compare that is not SAML. */
  let notSamlFile: string;
  beforeAll(async () => {
    notSamlFile = join(await mkdtemp(join(tmpdir(), 'saml-roles-a11y-')), 'not-saml.txt');
    await writeFile(notSamlFile, 'not a SAML response');
    world = await startWorld({ browser: browserName, manyRoles: 3 });
    await world.ext.evaluateInWorker(
      `chrome.storage.local.set({ settings: { accounts: { '111111111111': { alias: 'platform-prod', color: '#7c3aed' } }, favourites: ['${FAVOURITE}'], recents: ['${RECENT}'] } })`,
    );
    bobTab = await loginAt(world, 'bob');
    await openAwsApp(bobTab, world.idpUrl, 'aws');
    // A second capture, so the history has two to compare.
    const aliceTab = await loginAt(world, 'alice');
    await openAwsApp(aliceTab, world.idpUrl, 'aws');
  });
  afterAll(async () => {
    await world?.close();
    if (notSamlFile) await rm(join(notSamlFile, '..'), { recursive: true, force: true });
  });

  /** Fails with every finding of `page` that is neither allowed nor below moderate. */
  async function expectAccessible(page: Page, name: string, scope: AuditScope = {}) {
    const found = unexpected(await audit(page, scope), ALLOWED[name]);
    expect.soft(found, `${browserName}: ${name}`).toEqual([]);
  }

  describe.each(['light', 'dark'] as const)('%s', (scheme) => {
    /** The popup for bob's tab in this colour scheme. */
    async function popup(): Promise<Page> {
      const opened = await world.ext.openPopup(bobTab);
      await world.ext.emulateColorScheme(opened, scheme);
      return opened;
    }

    it('popup: the role list with favourites, recent roles and a filter', async () => {
      const page = await popup();
      await page.waitForSelector('[data-testid="role-row"]');
      await expectAccessible(page, 'popup');
      await page.keyboard.type('read');
      await page.waitForFunction(
        () => document.querySelector('[data-testid="match-count"]')?.textContent === '2 of 5',
      );
      await expectAccessible(page, 'popup');
      await page.keyboard.type('nothing matches this');
      await page.waitForSelector('[data-testid="no-match"]');
      await expectAccessible(page, 'popup');
      await page.close();
    });

    it('popup: the details view', async () => {
      const page = await popup();
      await page.click('[data-testid="toggle-details"]');
      await page.waitForSelector('[data-testid="facts"]');
      await expectAccessible(page, 'details');
      await page.close();
    });

    it('popup: the history, a capture from it, a diff of two and a diff with a file', async () => {
      const page = await popup();
      await page.click('[data-testid="open-history"]');
      await page.waitForSelector('[data-testid="history-entry"]', { timeout: E2E_WAIT_MS });
      await expectAccessible(page, 'history');
      // The newest readable capture: the light run leaves a deliberately unreadable POST on top.
      await page.click('[data-kind="decoded"] [data-testid="history-open"]');
      await page.waitForSelector('[data-testid="facts"]', { timeout: E2E_WAIT_MS });
      await expectAccessible(page, 'history-details');
      // A file that is not SAML: the details with the core's error.
      const input = (await page.$(
        '[data-testid="compare-file"]',
      )) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(notSamlFile);
      await page.waitForSelector('[data-testid="compare-file-error"]', { timeout: E2E_WAIT_MS });
      await expectAccessible(page, 'history-details');
      await page.click('[data-testid="history-back"]');
      await page.waitForSelector('[data-testid="history-choose"]', { timeout: E2E_WAIT_MS });
      const ticks = await page.$$('[data-testid="history-choose"]:not([disabled])');
      for (const tick of ticks.slice(0, 2)) await tick.click();
      await page.click('[data-testid="history-compare"]');
      await page.waitForSelector('[data-testid="diff"]', { timeout: E2E_WAIT_MS });
      await expectAccessible(page, 'diff');
      await page.close();
    });

    it('popup: the credentials panel, before and after STS answers', async () => {
      const page = await popup();
      await page.click('[data-testid="all-credentials"]');
      await page.waitForSelector('[data-testid="all-roles-panel"]');
      await expectAccessible(page, 'credentials');
      await page.click('[data-testid="toggle-details"]'); // back to the roles
      await page.type('[data-testid="search"]', 'billing');
      await page.keyboard.down('Alt');
      await page.keyboard.press('KeyC');
      await page.keyboard.up('Alt');
      await page.waitForSelector('[data-testid="credentials-panel"]');
      await expectAccessible(page, 'credentials');
      await page.click('[data-testid="get-credentials"]');
      await page.waitForSelector('[data-testid="credentials-result"]', { timeout: E2E_WAIT_MS });
      await expectAccessible(page, 'credentials');
      // Last, as Chromium's popup closes when the console's tab takes the focus: the stand-in's
      // console page, opened through its federation endpoint.
      const before = new Set(await world.ext.browser.pages());
      await page.click('[data-testid="open-console"]');
      const consoleTab = await waitForNewPage(world.ext.browser, before, (p) =>
        p.url().includes('signin.aws.amazon.com'),
      );
      await consoleTab.waitForSelector('[data-testid="console-access-key"]');
      await world.ext.emulateColorScheme(consoleTab, scheme);
      await expectAccessible(consoleTab, 'standin-console');
      await consoleTab.close();
      if (!page.isClosed()) await page.close().catch(() => undefined);
    });

    it('popup: an expired assertion’s notice', async () => {
      const tab = await loginAt(world, 'bob', world.shortIdpUrl);
      await openAwsApp(tab, world.shortIdpUrl, 'aws');
      await new Promise((done) => setTimeout(done, SHORT_LIVED_SECONDS * 1000 + 500));
      const page = await world.ext.openPopup(tab);
      await world.ext.emulateColorScheme(page, scheme);
      await page.waitForSelector('[data-testid="expired"][role="alert"]');
      await expectAccessible(page, 'popup-expired');
      await page.close();
      await tab.close();
    });

    it('options page', async () => {
      const page = await world.ext.browser.newPage();
      await world.ext.emulateColorScheme(page, scheme);
      await page.goto(world.ext.extensionUrl('src/options/index.html'), {
        waitUntil: 'networkidle0',
      });
      await page.waitForSelector('[data-testid="accounts"]');
      await expectAccessible(page, 'options');
      await page.close();
    });

    it('the extension’s sign-in page', async () => {
      const page = await world.ext.browser.newPage();
      await world.ext.emulateColorScheme(page, scheme);
      // Without a role in its address it stops at once with its message: the page as it shows.
      await page.goto(world.ext.extensionUrl('src/popup/signin.html'), {
        waitUntil: 'networkidle0',
      });
      await page.waitForFunction(() =>
        document
          .querySelector('[data-testid="signin-status"]')
          ?.textContent?.includes('incomplete'),
      );
      await expectAccessible(page, 'signin');
      await page.close();
    });

    it('the IdP’s pages: login, error, applications, preview, new application', async () => {
      const page = await world.ext.browser.newPage();
      await world.ext.emulateColorScheme(page, scheme);
      await page.goto(`${world.shortIdpUrl}/login`);
      await expectAccessible(page, 'idp-login');
      await page.type('#username', 'alice');
      await page.type('#password', 'wrong');
      await Promise.all([page.waitForNavigation(), page.click('[data-testid="login-submit"]')]);
      await page.waitForSelector('[data-testid="login-error"]');
      await expectAccessible(page, 'idp-login');
      await page.type('#password', 'demo');
      await Promise.all([page.waitForNavigation(), page.click('[data-testid="login-submit"]')]);
      await page.goto(`${world.shortIdpUrl}/apps`);
      await expectAccessible(page, 'idp-apps');
      await page.goto(`${world.shortIdpUrl}/applications/aws/preview?user=bob`);
      await page.waitForSelector('[data-testid="preview"]');
      await expectAccessible(page, 'idp-preview');
      await page.goto(`${world.shortIdpUrl}/applications/new`);
      await expectAccessible(page, 'idp-new-app');
      await page.goto(`${world.shortIdpUrl}/applications/no-such-app/preview?user=bob`);
      await page.waitForSelector('[data-testid="error"]');
      await expectAccessible(page, 'idp-error');
      await page.close();
    });

    it('the stand-in’s pages: role selection (the project’s parts and the extension’s panel), signed in, error', async () => {
      await world.ext.emulateColorScheme(bobTab, scheme);
      // The form is AWS's role-selection markup, copied on purpose so that the extension meets
      // what it meets at AWS (ids, classes, an unlabelled fieldset): not the project's to change.
      // The extension's search panel above the form is audited with the page.
      await bobTab.waitForSelector('[data-testid="saml-roles-panel"]', { timeout: E2E_WAIT_MS });
      await expectAccessible(bobTab, 'standin-roles', { exclude: ['#saml_form'] });
      const page = await loginAt(world, 'alice');
      await world.ext.emulateColorScheme(page, scheme);
      await openAwsApp(page, world.idpUrl, 'aws');
      await page.waitForSelector('#assumed-role-arn');
      await expectAccessible(page, 'standin-signed-in');
      await page.evaluate(() => {
        const form = Object.assign(document.createElement('form'), {
          method: 'POST',
          action: 'https://signin.aws.amazon.com/saml',
        });
        form.append(
          Object.assign(document.createElement('input'), { name: 'SAMLResponse', value: 'x' }),
        );
        document.body.append(form);
        form.submit();
      });
      await page.waitForSelector('[data-testid="stand-in-reason"]');
      await expectAccessible(page, 'standin-error');
      // The popup for that tab: the POST did not decode, and the popup says so in an alert.
      const errorPopup = await world.ext.openPopup(page);
      await world.ext.emulateColorScheme(errorPopup, scheme);
      await errorPopup.waitForSelector('[data-testid="capture-error"][role="alert"]');
      await expectAccessible(errorPopup, 'popup-error');
      await errorPopup.close();
      await page.goto('https://signin.aws.amazon.com/');
      await expectAccessible(page, 'standin-home');
      await page.close();
    });
  });

  it('ships no axe-core: the test driver brings it', async () => {
    const dist = browserName === 'firefox' ? DIST_FIREFOX : DIST;
    const files = (await readdir(dist, { recursive: true })).filter((f) => /\.(js|html)$/.test(f));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files)
      expect(await readFile(join(dist, file), 'utf8'), file).not.toMatch(/axe-core|axe\.run/);
  });

  describe('keyboard and screen reader', () => {
    // What a screen reader reads of an element: its text without aria-hidden parts (the star).
    // Declared in each page before use, as page functions cannot close over test code.
    const defineSpoken = (popup: Page) =>
      popup.evaluate(() => {
        (window as unknown as { spoken: (e: Element) => string }).spoken = (element) => {
          const copy = element.cloneNode(true) as Element;
          copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
          return (copy.textContent ?? '').replace(/\s+/g, ' ').replace(/ ,/g, ',').trim();
        };
      });
    /** The search box's active option: its id as the search box names it, and its text. */
    const activeOption = (popup: Page) =>
      popup.evaluate(() => {
        const search = document.querySelector('[data-testid="search"]')!;
        const id = search.getAttribute('aria-activedescendant') ?? '';
        const option = document.getElementById(id);
        return {
          arn: option?.getAttribute('data-role-arn'),
          selected: option?.getAttribute('aria-selected'),
          text: option && spoken(option),
        };
      });
    const focused = (popup: Page) =>
      popup.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        return {
          testId: element.getAttribute('data-testid'),
          arn: element.closest('[data-role-arn]')?.getAttribute('data-role-arn'),
          outline: getComputedStyle(element).outlineStyle,
        };
      });

    it('filters, moves, stars and opens credentials by keyboard alone, with the focus always visible', async () => {
      const popup = await world.ext.openPopup(bobTab);
      await defineSpoken(popup);
      expect((await focused(popup)).testId).toBe('search');
      await popup.keyboard.type('read');
      expect(await text(popup, 'match-announcement')).toBe('2 of 5 roles match');
      expect(await popup.$eval('[data-testid="match-announcement"]', (e) => e.role)).toBe('status');
      expect(await activeOption(popup)).toEqual({
        arn: 'arn:aws:iam::111111111111:role/team/ReadOnly',
        selected: 'true',
        text: 'ReadOnly, path /team/, account platform-prod 111111111111',
      });
      await popup.keyboard.press('ArrowDown');
      const readOnly = 'arn:aws:iam::222222222222:role/ReadOnly';
      expect(await activeOption(popup)).toEqual({
        arn: readOnly,
        selected: 'true',
        text: 'ReadOnly, account 222222222222',
      });
      expect((await focused(popup)).testId).toBe('search'); // focus never left the filter

      // Tab reaches the active role's star, Sign in and Credentials, each with a visible outline.
      await popup.keyboard.press('Tab');
      expect(await focused(popup)).toEqual({
        testId: 'favourite',
        arn: readOnly,
        outline: 'solid',
      });
      await popup.keyboard.press(' ');
      await popup.waitForSelector('[data-testid="favourite"][aria-pressed="true"]');
      // Starred, it joins the favourites: the focus stays on its star, on its new row.
      expect(await focused(popup)).toEqual({
        testId: 'favourite',
        arn: readOnly,
        outline: 'solid',
      });
      expect((await activeOption(popup)).text).toBe('ReadOnly, account 222222222222, favourite');
      await popup.keyboard.press(' '); // and unstarred again, for the other tests
      await popup.waitForSelector('[data-testid="favourite"][aria-pressed="false"]');
      await popup.keyboard.press('Tab');
      expect(await focused(popup)).toEqual({
        testId: 'action-signin',
        arn: readOnly,
        outline: 'solid',
      });
      await popup.keyboard.press('Tab');
      expect(await focused(popup)).toEqual({
        testId: 'action-credentials',
        arn: readOnly,
        outline: 'solid',
      });
      await popup.keyboard.press('Enter');
      await popup.waitForSelector(`[data-testid="credentials-panel"][data-role-arn="${readOnly}"]`);
      expect((await focused(popup)).testId).toBe('get-credentials');
      await popup.close();
    });

    it('marks favourite and recent roles for screen readers', async () => {
      const popup = await world.ext.openPopup(bobTab);
      await defineSpoken(popup);
      const options = await popup.$$eval('[role="listbox"] [role="option"]', (all) =>
        all.map((o) => ({
          text: spoken(o),
          position: o.getAttribute('aria-posinset'),
          size: o.getAttribute('aria-setsize'),
        })),
      );
      expect(options.slice(0, 2)).toEqual([
        { text: 'Deployer, account 222222222222, favourite', position: '1', size: '7' },
        { text: 'BillingViewer, account 333333333333, recent', position: '2', size: '7' },
      ]);
      expect(await popup.$eval('[role="listbox"]', (e) => e.getAttribute('aria-label'))).toBe(
        'Roles',
      );
      await popup.close();
    });

    // The accessibility tree comes from CDP, which Firefox's WebDriver BiDi does not offer; Firefox's
    // semantics are checked through the attributes above and test/popup/role-list-semantics.
    if (browserName === 'chromium')
      it('gives the browser’s accessibility tree a named combobox, listbox, options and buttons', async () => {
        const popup = await world.ext.openPopup(bobTab);
        await popup.keyboard.type('deployer');
        // Everything: puppeteer's "interesting" pruning drops a listbox's options.
        const tree = await popup.accessibility.snapshot({ interestingOnly: false });
        const nodes: { role: string; name?: string; selected?: boolean; pressed?: unknown }[] = [];
        const walk = (node: typeof tree): void => {
          if (!node) return;
          nodes.push(node);
          node.children?.forEach(walk);
        };
        walk(tree);
        const find = (role: string) => nodes.filter((n) => n.role === role);
        expect(find('combobox').map((n) => n.name)).toEqual(['Filter roles']);
        expect(find('listbox').map((n) => n.name)).toEqual(['Roles']);
        const name = (n: { name?: string }) => n.name?.replace(/\s+/g, ' ').replace(/ ,/g, ',');
        expect(find('option').map((n) => [name(n), n.selected])).toEqual([
          ['Deployer, account 222222222222, favourite', true],
          ['Deployer, account 222222222222, favourite', false],
        ]);
        expect(find('status').length).toBeGreaterThan(0);
        const buttons = find('button').map((n) => [n.name, n.pressed]);
        expect(buttons).toEqual(
          expect.arrayContaining([
            ['Favourite', true],
            ['Sign in', undefined],
            ['Credentials', undefined],
          ]),
        );
        expect(find('heading').map((n) => n.name)).toContain('Choose an AWS role');
        await popup.close();
      });

    it('signs in with the keyboard from the Sign in button', async () => {
      const tab = await loginAt(world, 'bob');
      await openAwsApp(tab, world.idpUrl, 'aws');
      const popup = await world.ext.openPopup(tab);
      await popup.keyboard.type('billing');
      await popup.keyboard.press('Tab');
      await popup.keyboard.press('Tab');
      expect((await focused(popup)).testId).toBe('action-signin');
      await popup.keyboard.press('Enter').catch(() => undefined); // the popup closes itself
      expect(await assumedRole(tab)).toBe(
        'arn:aws:sts::333333333333:assumed-role/BillingViewer/bob',
      );
      await tab.close();
    });
  });

  describe('zoom and motion', () => {
    /** Extension and IdP pages opened in a tab, addressed by URL. */
    async function pages(ext: ExtensionBrowser) {
      const tabId = await ext.tabId(bobTab);
      return {
        popup: ext.extensionUrl(`src/popup/index.html?tab=${tabId}`),
        options: ext.extensionUrl('src/options/index.html'),
        'idp-login': `${world.shortIdpUrl}/login`,
        'idp-apps': `${world.idpUrl}/apps`,
      };
    }

    it('reflows at 200% zoom: no sideways scrolling, the role’s buttons on screen', async () => {
      // 200% of Chromium's largest popup (800 device pixels) is 400 CSS pixels; a page in a
      // 1100-pixel window at 200% is 550.
      const widths: Record<string, number> = { popup: 400 };
      for (const [name, url] of Object.entries(await pages(world.ext))) {
        const page = await world.ext.browser.newPage();
        await page.setViewport({ width: widths[name] ?? 550, height: 400, deviceScaleFactor: 2 });
        await page.goto(url, { waitUntil: 'networkidle0' });
        await page.waitForSelector('main');
        const overflow = await page.evaluate(() => {
          const root = document.documentElement;
          const right = Math.max(
            ...[...document.querySelectorAll('button, input, a, select')].map(
              (e) => e.getBoundingClientRect().right,
            ),
          );
          return { scroll: root.scrollWidth - root.clientWidth, outside: right > innerWidth };
        });
        expect(overflow, name).toEqual({ scroll: 0, outside: false });
        await expectAccessible(page, name);
        await page.close();
      }
    });

    it('stops every transition and animation under prefers-reduced-motion', async () => {
      for (const [name, url] of Object.entries(await pages(world.ext))) {
        const page = await world.ext.browser.newPage();
        await page.goto(url, { waitUntil: 'networkidle0' });
        await page.waitForSelector('main');
        /** Gives every element motion (as a later stylesheet might), then counts what moves. */
        const moving = () =>
          page.evaluate(() => {
            const all = [...document.querySelectorAll<HTMLElement>('body *')];
            for (const element of all) {
              element.style.transition = 'opacity 1s';
              element.style.animation = 'spin 1s infinite';
            }
            return all.filter((element) => {
              const style = getComputedStyle(element);
              return style.transitionDuration !== '0s' || style.animationName !== 'none';
            }).length;
          });
        await world.ext.emulateReducedMotion(page, false);
        expect(await moving(), name).toBeGreaterThan(0);
        await world.ext.emulateReducedMotion(page, true);
        expect(await moving(), name).toBe(0);
        await world.ext.emulateReducedMotion(page, false);
        await page.close();
      }
    });
  });
});
