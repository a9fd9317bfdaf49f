// `npm run playground` headless, through its own entry: the IdP's login page is open, a demo user
// signs in, picks a role in the extension's popup, and lands on the stand-in's signed-in page.
// In each browser the suite runs (E2E_BROWSERS), as `--browser chromium|firefox` offers.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground, type Playground } from '../../scripts/playground/playground.ts';
import { BROWSERS, E2E_WAIT_MS } from './harness.ts';
import { text, visibleRoleArns } from './popup.ts';

describe.each(BROWSERS)('npm run playground -- --browser %s', (browser) => {
  let playground: Playground;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'saml-roles-playground-'));
    playground = await startPlayground({ browser, headless: true, standInDataDir: dataDir });
  });
  afterAll(async () => {
    await playground?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('opens the IdP login, and a role picked in the popup signs in at the stand-in', async () => {
    const page = playground.loginPage;
    expect(page.url()).toBe(`${playground.idpUrl}/login`);
    await page.type('#username', 'bob');
    await page.type('#password', 'demo');
    await Promise.all([page.waitForNavigation(), page.click('[data-testid="login-submit"]')]);
    // IdP-initiated sign-in posts to https://signin.aws.amazon.com/saml, which reaches the stand-in.
    await page.goto(`${playground.idpUrl}/applications/aws/sso`);
    await page.waitForSelector('[data-testid="stand-in-banner"]', { timeout: E2E_WAIT_MS });
    expect(new URL(page.url()).hostname).toBe('signin.aws.amazon.com');

    const popup = await playground.ext.openPopup(page);
    expect(await text(popup, 'match-count')).toBe('5 roles');
    await popup.keyboard.type('222 deploy');
    expect(await visibleRoleArns(popup)).toEqual(['arn:aws:iam::222222222222:role/Deployer']);
    await popup.keyboard.press('Enter').catch(() => undefined);
    const assumed = await page.waitForSelector('#assumed-role-arn', { timeout: E2E_WAIT_MS });
    expect(await assumed!.evaluate((el) => el.textContent?.trim())).toBe(
      'arn:aws:sts::222222222222:assumed-role/Deployer/bob',
    );
  });
});
