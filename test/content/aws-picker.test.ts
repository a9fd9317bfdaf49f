// @vitest-environment happy-dom
// The content script as the browser runs it: on AWS's markup it adds the panel; on a changed page
// it adds nothing and changes nothing (only the aliases are read, as before).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS_KEY } from '../../src/core/settings.ts';
import type { KeyValueArea } from '../../src/platform/types.ts';
import { ACCOUNTS, awsRolePage } from './aws-pages.ts';

const sent: unknown[] = [];
const stored: Record<string, unknown> = {};
vi.mock('../../src/shared/message-channel.ts', () => ({
  send: (message: unknown) => {
    sent.push(message);
    return Promise.resolve({ ok: true, value: { saved: 0 } });
  },
}));
vi.mock('../../src/platform/storage.ts', () => ({
  localArea: (): KeyValueArea => ({
    get: (key) => Promise.resolve(stored[key]),
    getAll: () => Promise.resolve({ ...stored }),
    set: () => Promise.reject(new Error('the content script must not write settings')),
    remove: () => Promise.reject(new Error('the content script must not write settings')),
  }),
}));

async function runContentScript(html: string): Promise<void> {
  document.body.innerHTML = html;
  vi.resetModules();
  await import('../../src/content/aws-picker.ts');
  // The panel waits for the settings read (one storage round trip).
  await new Promise((done) => setTimeout(done, 0));
}

describe('the content script on a role-selection page', () => {
  beforeEach(() => {
    sent.length = 0;
    stored[SETTINGS_KEY] = { accounts: {}, favourites: [], recents: [] };
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('adds the panel on AWS’s markup, with the aliases the page shows', async () => {
    await runContentScript(awsRolePage(ACCOUNTS));
    const panel = document.querySelector('[data-testid="saml-roles-panel"]');
    expect(panel).not.toBeNull();
    expect(panel!.querySelector('[data-account-id="333333333333"]')!.textContent).toContain(
      'billing',
    );
    expect(sent).toEqual([
      {
        type: 'aliases/learned',
        aliases: [
          { accountId: '111111111111', alias: 'platform-prod' },
          { accountId: '333333333333', alias: 'billing' },
        ],
      },
    ]);
  });

  it('leaves a changed page exactly as it came', async () => {
    // AWS renames the radios' field: everything else is as before.
    const changed = awsRolePage(ACCOUNTS).replaceAll('name="roleIndex"', 'name="role"');
    document.body.innerHTML = changed;
    const before = document.body.innerHTML;
    const focused = document.activeElement;
    await runContentScript(changed);
    expect(document.body.innerHTML).toBe(before);
    expect(document.activeElement).toBe(focused);
    expect(document.querySelectorAll('[class^="saml-roles-panel"]')).toHaveLength(0);
  });
});
