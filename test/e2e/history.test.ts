// The history and the diff end to end: two sign-ins at the companion IdP as different users, both
// listed in the popup's history, compared; and a capture compared with a file chosen from disk.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSamlResponse, providerArn, toBase64 } from '../support/saml-fixture.ts';
import { BROWSERS, E2E_WAIT_MS } from './harness.ts';
import { text } from './popup.ts';
import { loginAt, openAwsApp, startWorld, type World } from './world.ts';

/** Every run writes each browser's pictures to artifacts/; UPDATE_SCREENSHOT=1 makes Chromium's the README's. */
async function screenshot(popup: Page, browserName: string, name: string): Promise<void> {
  const file =
    browserName === 'chromium' && process.env.UPDATE_SCREENSHOT === '1'
      ? resolve(import.meta.dirname, `../../docs/${name}.png`)
      : resolve(import.meta.dirname, `../../artifacts/${name}-${browserName}.png`);
  await mkdir(dirname(file), { recursive: true });
  // The popup window grows to fit the view; let it settle so the picture shows it.
  await new Promise((done) => setTimeout(done, 300));
  await popup.screenshot({ path: file, fullPage: true });
}

async function entries(popup: Page): Promise<string[]> {
  return popup.$$eval('[data-testid="history-entry"]', (rows) =>
    rows.map((row) => row.querySelector('[data-testid="history-who"]')?.textContent ?? ''),
  );
}

async function chooseFile(popup: Page, file: string): Promise<void> {
  const input = (await popup.waitForSelector('[data-testid="compare-file"]', {
    timeout: E2E_WAIT_MS,
  })) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
}

describe.each(BROWSERS)('%s', (browserName) => {
  let world: World;
  let files: string;
  let bobTab: Page;
  let aliceTab: Page;
  beforeAll(async () => {
    world = await startWorld({ browser: browserName, manyRoles: 3 });
    files = await mkdtemp(join(tmpdir(), 'saml-roles-history-'));
    bobTab = await loginAt(world, 'bob');
    await openAwsApp(bobTab, world.idpUrl, 'aws');
    aliceTab = await loginAt(world, 'alice');
    await openAwsApp(aliceTab, world.idpUrl, 'aws');
  });
  afterAll(async () => {
    await world?.close();
    if (files) await rm(files, { recursive: true, force: true });
  });

  it('lists both sign-ins, newest first, and compares them: the roles bob has and alice has not', async () => {
    const popup = await world.ext.openPopup(aliceTab);
    await popup.click('[data-testid="open-history"]');
    await popup.waitForSelector('[data-testid="history-entry"]', { timeout: E2E_WAIT_MS });
    expect(await entries(popup)).toEqual(['alice', 'bob']);
    const listed = await text(popup, 'history-list');
    expect(listed).toContain('this tab');
    expect(listed).toContain('1 role');
    expect(listed).toContain('5 roles');
    expect(await text(popup, 'history-issuer')).toBe(world.idpUrl);
    await screenshot(popup, browserName, 'history');

    // By keyboard: the ticks are checkboxes, the compare a button.
    const ticks = await popup.$$('[data-testid="history-choose"]');
    for (const tick of ticks) {
      await tick.focus();
      await popup.keyboard.press(' ');
    }
    await popup.focus('[data-testid="history-compare"]');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('[data-testid="diff"]', { timeout: E2E_WAIT_MS });
    // Older first: from bob's capture to alice's.
    expect(await text(popup, 'diff-before')).toMatch(/^bob at /);
    expect(await text(popup, 'diff-after')).toMatch(/^alice at /);
    const roles = await popup.$$eval('[data-testid="diff-role"]', (rows) =>
      rows.map((row) => [row.getAttribute('data-change'), row.getAttribute('data-role-arn')]),
    );
    expect(roles).toContainEqual(['added', 'arn:aws:iam::123412341234:role/developer']);
    expect(roles).toContainEqual(['removed', 'arn:aws:iam::222222222222:role/Deployer']);
    expect(roles.filter(([change]) => change === 'removed')).toHaveLength(5);
    const facts = await text(popup, 'diff-facts');
    expect(facts).toContain('Session name');
    expect(facts).toContain('NameID');
    await screenshot(popup, browserName, 'diff');
    await popup.close();
  });

  it('compares a capture with a file chosen from disk, in memory, and says what was wrong with a bad one', async () => {
    const popup = await world.ext.openPopup(aliceTab);
    await popup.click('[data-testid="toggle-details"]');
    await popup.waitForSelector('[data-testid="facts"]', { timeout: E2E_WAIT_MS });

    const bad = join(files, 'not-saml.txt');
    await writeFile(bad, 'this is no SAML response');
    await chooseFile(popup, bad);
    expect(await text(popup, 'compare-file-error')).toMatch(/^not-saml\.txt: cannot decode: /);

    // A response for another user with alice's role and one more, as base64 in a text file.
    const response = join(files, 'response.txt');
    await writeFile(
      response,
      toBase64(
        buildSamlResponse({
          roles: [
            ['arn:aws:iam::123412341234:role/developer', providerArn('123412341234', 'local')],
            ['arn:aws:iam::123412341234:role/auditor', providerArn('123412341234', 'local')],
          ],
          sessionName: 'carol',
          nameId: 'carol',
          issuer: world.idpUrl,
        }),
      ),
    );
    await chooseFile(popup, response);
    await popup.waitForSelector('[data-testid="file-diff"]', { timeout: E2E_WAIT_MS });
    expect(await text(popup, 'diff-after')).toBe('response.txt');
    const roles = await popup.$$eval('[data-testid="diff-role"]', (rows) =>
      rows.map((row) => [row.getAttribute('data-change'), row.getAttribute('data-role-arn')]),
    );
    expect(roles).toContainEqual(['added', 'arn:aws:iam::123412341234:role/auditor']);
    expect(await text(popup, 'diff-facts')).toContain('carol');
    // Nothing of the file reached storage.
    const stored = await world.ext.evaluateInWorker<unknown>('chrome.storage.session.get(null)');
    expect(JSON.stringify(stored)).not.toContain('auditor');
    await popup.close();
  });
});
