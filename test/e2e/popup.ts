import type { Page } from 'puppeteer-core';
import { E2E_WAIT_MS } from './harness.ts';

/** Role ARNs of the role rows on screen, top to bottom. */
export async function visibleRoleArns(popup: Page): Promise<string[]> {
  return popup.$$eval('[data-testid="role-row"]', (rows) =>
    rows
      .map((row) => ({
        arn: row.getAttribute('data-role-arn') ?? '',
        top: parseFloat((row as HTMLElement).style.top),
      }))
      .sort((a, b) => a.top - b.top)
      .map((row) => row.arn),
  );
}

export async function text(popup: Page, testId: string): Promise<string> {
  const element = await popup.waitForSelector(`[data-testid="${testId}"]`, {
    timeout: E2E_WAIT_MS,
  });
  return (await element!.evaluate((el) => el.textContent ?? '')).trim();
}
