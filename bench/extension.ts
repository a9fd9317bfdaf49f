// The popup in headless Chromium with 1,000 roles, beside AWS's own role-selection markup (the
// stand-in's page) showing the same roles: what the user would otherwise wait for.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { build } from 'vite';
import { groupRolesByAccount, inspect } from '../src/core/index.ts';
import { roleSelectionPage } from '../src/idp/standin/pages.ts';
import { loginAt, openAwsApp, startWorld, type World } from '../test/e2e/world.ts';
import { median, round, type BenchRow } from './stats.ts';

const ROLES = 1000;
const OPENINGS = 15;

/**
 * Time from the popup's navigation start to the role list on screen (the popup's own mark, set
 * after the first paint), and to the moment the popup's script starts.
 */
async function popupListedMs(popup: Page): Promise<{ listed: number; scriptStart: number }> {
  await popup.waitForFunction(`performance.getEntriesByName('roles-listed').length > 0`, {
    timeout: 10_000,
  });
  return (await popup.evaluate(`({
    listed: performance.getEntriesByName('roles-listed')[0].startTime,
    scriptStart: performance.getEntriesByName('popup-start')[0].startTime,
  })`)) as { listed: number; scriptStart: number };
}

/** One keystroke in the filter: input event, preact's re-render (a microtask) and layout. */
async function keystrokeMs(popup: Page, query: string): Promise<number[]> {
  return popup.evaluate(async (text) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="search"]')!;
    const samples: number[] = [];
    for (const char of text) {
      const t0 = performance.now();
      input.value += char;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
      document.body.getBoundingClientRect();
      samples.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return samples;
  }, query);
}

async function capturedSamlResponse(world: World, page: Page): Promise<string> {
  const stored = await world.ext.evaluateInWorker<
    Record<string, { kind: string; inspection?: { input: { samlResponse: string } } }>
  >('chrome.storage.session.get(null)');
  const capture = Object.values(stored).find((c) => c.kind === 'decoded' && c.inspection);
  if (!capture?.inspection) throw new Error(`no capture for ${page.url()}`);
  return capture.inspection.input.samlResponse;
}

/** Serves the stand-in's AWS-markup role-selection page for the same response. */
async function servePicker(samlResponse: string): Promise<{ url: string; close(): void }> {
  const roles = inspect(samlResponse).aws.roles;
  const html = roleSelectionPage({
    samlResponse,
    relayState: '',
    accounts: groupRolesByAccount(roles),
    action: '/saml',
  });
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/saml`,
    close: () => server.close(),
  };
}

export async function runExtensionBench(): Promise<BenchRow[]> {
  await build({ logLevel: 'warn' });
  const world = await startWorld({ manyRoles: ROLES });
  try {
    const page = await loginAt(world, 'many');
    await openAwsApp(page, world.idpUrl, 'aws');
    const listed: number[] = [];
    const scriptStart: number[] = [];
    const keystrokes: number[] = [];
    let heap = 0;
    for (let i = 0; i < OPENINGS; i++) {
      const popup = await world.ext.openPopup(page);
      const times = await popupListedMs(popup);
      listed.push(times.listed);
      scriptStart.push(times.scriptStart);
      if (i === OPENINGS - 1) {
        const session = await popup.createCDPSession();
        await session.send('HeapProfiler.collectGarbage');
        heap = (await session.send('Runtime.getHeapUsage')).usedSize;
        keystrokes.push(...(await keystrokeMs(popup, 'generated-05 2100000')));
      }
      await popup.close();
    }
    const rendered = await (async () => {
      const popup = await world.ext.openPopup(page);
      const count = await popup.$eval('[data-testid="match-count"]', (el) => el.textContent);
      await popup.close();
      return count;
    })();
    if (rendered !== `${ROLES} roles`)
      throw new Error(`the popup shows "${rendered}", not ${ROLES} roles`);

    const picker = await servePicker(await capturedSamlResponse(world, page));
    const pickerLoad: number[] = [];
    const pickerPaint: number[] = [];
    try {
      const tab = await world.ext.browser.newPage();
      for (let i = 0; i < OPENINGS; i++) {
        await tab.goto(picker.url, { waitUntil: 'load' });
        const radios = await tab.$$eval('input[name="roleIndex"]', (r) => r.length);
        if (radios !== ROLES) throw new Error(`the picker shows ${radios} roles`);
        const [load, paint] = await tab.evaluate(() => [
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
            .loadEventEnd,
          performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        ]);
        pickerLoad.push(load!);
        pickerPaint.push(paint!);
      }
    } finally {
      picker.close();
    }
    return [
      {
        name: 'popup-interactive-1000',
        roles: ROLES,
        medianMs: round(median(listed), 1),
        // Before this the browser is creating the popup document and loading its modules.
        scriptStartMedianMs: round(median(scriptStart), 1),
        standInPickerMedianMs: round(median(pickerLoad), 1),
        standInPickerFirstPaintMs: round(median(pickerPaint), 1),
        openings: OPENINGS,
      },
      {
        name: 'filter-keystroke-1000',
        roles: ROLES,
        medianMs: round(median(keystrokes), 2),
        maxMs: round(Math.max(...keystrokes), 2),
      },
      { name: 'popup-heap-1000', roles: ROLES, usedJSHeapBytes: heap },
    ];
  } finally {
    await world.close();
  }
}
