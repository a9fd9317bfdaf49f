import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
// Credentials end to end through the real popup: STS AssumeRoleWithSAML and the federation console
// sign-in, answered by the AWS stand-in, in every browser the suite runs.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, E2E_WAIT_MS, waitForNewPage } from './harness.ts';
import { text } from './popup.ts';
import { loginAt, openAwsApp, startWorld, type World } from './world.ts';

const ADMIN = 'arn:aws:iam::111111111111:role/Admin';
const BILLING = 'arn:aws:iam::333333333333:role/BillingViewer';
// Every role of bob's but BillingViewer may last two hours; BillingViewer has IAM's default hour.
const TWO_HOUR_ROLES = [
  ADMIN,
  'arn:aws:iam::111111111111:role/team/ReadOnly',
  'arn:aws:iam::222222222222:role/Deployer',
  'arn:aws:iam::222222222222:role/ReadOnly',
].map((arn) => ({ arn, maxSessionDuration: 7200 }));

/** Replaces the popup's clipboard call so the test sees what would be pasted. */
async function captureCopies(popup: Page): Promise<() => Promise<string[]>> {
  await popup.evaluate(() => {
    const copied: string[] = [];
    (window as unknown as { copied: string[] }).copied = copied;
    navigator.clipboard.writeText = async (value: string) => void copied.push(value);
  });
  return () => popup.evaluate(() => (window as unknown as { copied: string[] }).copied);
}

/** Highlights a role by filtering to it, then opens its credentials panel with Alt+C. */
async function openCredentials(popup: Page, filter: string, roleArn: string): Promise<void> {
  await popup.type('[data-testid="search"]', filter);
  await popup.waitForSelector(`[aria-selected="true"][data-role-arn="${roleArn}"]`);
  await popup.keyboard.down('Alt');
  await popup.keyboard.press('KeyC');
  await popup.keyboard.up('Alt');
  await popup.waitForSelector(`[data-testid="credentials-panel"][data-role-arn="${roleArn}"]`);
}

async function setDuration(popup: Page, seconds: string): Promise<void> {
  const input = (await popup.waitForSelector('[data-testid="sts-duration"]'))!;
  await input.click({ count: 3 });
  await input.type(seconds);
}

/** The popup closes itself when another page takes focus (e.g. while the worker is queried). */
async function closePopup(popup: Page): Promise<void> {
  if (!popup.isClosed()) await popup.close().catch(() => undefined);
}

/** For a person to look at: every run leaves these in artifacts/ (ignored by git). */
async function screenshot(popup: Page, name: string): Promise<void> {
  const file = resolve(import.meta.dirname, `../../artifacts/${name}.png`);
  await mkdir(dirname(file), { recursive: true });
  await popup.screenshot({ path: file, fullPage: true });
}

describe.each(BROWSERS)('%s', (browserName) => {
  let world: World;
  let page: Page;
  beforeAll(async () => {
    world = await startWorld({
      browser: browserName,
      roles: TWO_HOUR_ROLES,
      manyRoles: 3,
    });
    page = await loginAt(world, 'bob');
    await openAwsApp(page, world.idpUrl, 'aws');
  });
  afterAll(async () => {
    await world?.close();
  });

  it('gets credentials for a role from a regional STS endpoint, copies every format, and keeps them after the popup closes', async () => {
    const popup = await world.ext.openPopup(page);
    const copies = await captureCopies(popup);
    await openCredentials(popup, 'billing', BILLING);
    expect(
      await popup.$eval('[data-testid="sts-duration"]', (el) => (el as HTMLInputElement).value),
    ).toBe('3600');
    await popup.select('[data-testid="sts-region"]', 'eu-west-1');
    await popup.click('[data-testid="get-credentials"]');
    const bash = await text(popup, 'output-bash');
    const keyId = /AWS_ACCESS_KEY_ID='(ASIA[A-Z0-9]{16})'/.exec(bash)?.[1];
    expect(keyId).toBeDefined();
    expect(bash).toContain("export AWS_REGION='eu-west-1'");
    expect(bash).toMatch(/export AWS_SESSION_TOKEN='[^']+'/);
    expect(await text(popup, 'assumed-role-arn')).toBe(
      'arn:aws:sts::333333333333:assumed-role/BillingViewer/bob',
    );
    expect(await text(popup, 'credentials-expiry')).toMatch(/^expires in (1:00:00|59:\d\d)$/);
    await screenshot(popup, `credentials-${browserName}`);
    await popup.click('[data-testid="copy-bash"]');
    for (const id of ['fish', 'powershell', 'ini', 'process']) {
      await popup.click(`[data-testid="tab-${id}"]`);
      await popup.click(`[data-testid="copy-${id}"]`);
    }
    const [copiedBash, fish, powershell, ini, process] = await copies();
    expect(copiedBash).toBe(bash + (bash.endsWith('\n') ? '' : '\n'));
    expect(fish).toContain(`set -gx AWS_ACCESS_KEY_ID '${keyId}'`);
    expect(powershell).toContain(`$Env:AWS_ACCESS_KEY_ID = '${keyId}'`);
    expect(ini).toMatch(/^\[333333333333-BillingViewer\]\n/);
    expect(ini).toContain(`aws_access_key_id = ${keyId}`);
    expect(JSON.parse(process!)).toMatchObject({ Version: 1, AccessKeyId: keyId });
    // Kept in storage.session (never storage.local), keyed by tab and role.
    const stored = await world.ext.evaluateInWorker<[string[], string[]]>(
      'Promise.all([chrome.storage.session.get(null), chrome.storage.local.get(null)]).then(([s, l]) => [Object.keys(s), JSON.stringify(l).includes("ASIA") ? ["leak"] : []])',
    );
    const tabId = await world.ext.tabId(page);
    expect(stored[0]).toContain(`credentials:${tabId}:${BILLING}`);
    expect(stored[1]).toEqual([]);
    await closePopup(popup);
    const again = await world.ext.openPopup(page);
    await openCredentials(again, 'billing', BILLING);
    expect(await text(again, 'output-bash')).toContain(keyId);
    await closePopup(again);
  });

  it('explains a DurationSeconds above the role maximum, and "Retry with 3600 s" succeeds', async () => {
    const popup = await world.ext.openPopup(page);
    await openCredentials(popup, 'billing', BILLING);
    await setDuration(popup, '60');
    expect(await text(popup, 'duration-error')).toMatch(/900.*43200/);
    expect(
      await popup.$eval(
        '[data-testid="get-credentials"]',
        (b) => (b as HTMLButtonElement).disabled,
      ),
    ).toBe(true);
    await setDuration(popup, '7200');
    await popup.click('[data-testid="get-credentials"]');
    expect(await text(popup, 'sts-error-code')).toBe('ValidationError');
    expect(await text(popup, 'sts-error-message')).toMatch(/exceeds the MaxSessionDuration/);
    expect(await text(popup, 'sts-error-meaning')).toMatch(/longer than the role's maximum/);
    expect(await text(popup, 'retry-duration')).toBe('Retry with 3600 s');
    await screenshot(popup, `credentials-error-${browserName}`);
    await popup.click('[data-testid="retry-duration"]');
    expect(await text(popup, 'output-bash')).toMatch(/AWS_ACCESS_KEY_ID='ASIA/);
    await closePopup(popup);
  });

  it('shows ExpiredTokenException with what it means when STS sees the assertion expired', async () => {
    const popup = await world.ext.openPopup(page);
    await openCredentials(popup, 'deployer', 'arn:aws:iam::222222222222:role/Deployer');
    world.setStandInClockOffset(10 * 60_000);
    try {
      await popup.click('[data-testid="get-credentials"]');
      expect(await text(popup, 'sts-error-code')).toBe('ExpiredTokenException');
      expect(await text(popup, 'sts-error-meaning')).toMatch(/validity window/);
      expect(await text(popup, 'sts-error-action')).toMatch(/Sign in through your IdP again/);
      expect(await popup.$('[data-testid="retry-duration"]')).toBeNull();
    } finally {
      world.setStandInClockOffset(0);
    }
    await closePopup(popup);
  });

  it('"All roles" lists the refused role with AWS\'s error, and its retry completes one profile per role', async () => {
    const popup = await world.ext.openPopup(page);
    const copies = await captureCopies(popup);
    await popup.click('[data-testid="all-credentials"]');
    await popup.waitForSelector('[data-testid="all-roles-panel"]');
    await setDuration(popup, '7200');
    await popup.click('[data-testid="get-credentials"]');
    expect(await text(popup, 'all-roles-summary')).toBe('4 of 5 roles: one profile each.');
    const failed = await popup.$$eval('[data-testid="failed-role"]', (items) =>
      items.map((li) => [
        li.getAttribute('data-role-arn'),
        li.querySelector('[data-testid="sts-error-code"]')?.textContent,
      ]),
    );
    expect(failed).toEqual([[BILLING, 'ValidationError']]);
    await popup.click('[data-testid="failed-role"] [data-testid="retry-duration"]');
    await popup.waitForFunction(() =>
      document
        .querySelector('[data-testid="all-roles-summary"]')
        ?.textContent?.startsWith('5 of 5'),
    );
    expect(await popup.$('[data-testid="failed-role"]')).toBeNull();
    await popup.click('[data-testid="copy-ini"]');
    const [ini] = await copies();
    expect(ini!.match(/^\[[^\]]+\]$/gm)).toEqual([
      '[111111111111-Admin]',
      '[111111111111-team-ReadOnly]',
      '[222222222222-Deployer]',
      '[222222222222-ReadOnly]',
      '[333333333333-BillingViewer]',
    ]);
    expect(ini!.match(/aws_access_key_id = ASIA[A-Z0-9]{16}/g)).toHaveLength(5);
    await closePopup(popup);
  });

  it('opens the console for two roles, each in a new tab through the federation sign-in', async () => {
    const consoles: Page[] = [];
    for (const [filter, arn] of [
      ['billing', BILLING],
      ['deployer', 'arn:aws:iam::222222222222:role/Deployer'],
    ] as const) {
      const popup = await world.ext.openPopup(page);
      await openCredentials(popup, filter, arn);
      await popup.click('[data-testid="get-credentials"]');
      await popup.waitForFunction(() => {
        const button = document.querySelector('[data-testid="get-credentials"]');
        return (
          !(button as HTMLButtonElement).disabled &&
          document.querySelector('[data-testid="output-bash"]')
        );
      });
      const keyId = /AWS_ACCESS_KEY_ID='(ASIA[A-Z0-9]{16})'/.exec(
        await text(popup, 'output-bash'),
      )?.[1];
      const before = new Set([...(await world.ext.browser.pages()), ...consoles]);
      await popup.click('[data-testid="open-console"]').catch(() => undefined);
      const tab = await waitForNewPage(world.ext.browser, before, (page) =>
        page.url().includes('/federation?Action=login'),
      );
      await tab.waitForSelector('[data-testid="console-access-key"]', { timeout: E2E_WAIT_MS });
      expect(await text(tab, 'console-access-key')).toBe(keyId);
      expect(await text(tab, 'console-destination')).toBe('https://console.aws.amazon.com/');
      consoles.push(tab);
      if (!popup.isClosed()) await closePopup(popup);
    }
    expect(consoles.filter((t) => !t.isClosed())).toHaveLength(2);
    await Promise.all(consoles.map((t) => t.close()));
  });
});
