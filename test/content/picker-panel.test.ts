// @vitest-environment happy-dom
// The panel on AWS's role-selection page, against AWS's current markup: focused search, filtering
// as you type, Enter signing in through AWS's own form, aliases, colours, favourites, last used.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addPickerPanel,
  PANEL_ROW_LIMIT,
  type PickerPanel,
} from '../../src/content/picker-panel.ts';
import { readPickerPage } from '../../src/content/picker-page.ts';
import { emptySettings, type Settings } from '../../src/core/settings.ts';
import { ACCOUNTS, awsRolePage } from './aws-pages.ts';

const SETTINGS: Settings = {
  accounts: {
    '111111111111': { alias: 'prod-main', color: '#d97706' },
    '222222222222': { alias: '<img src=x onerror="alert(1)">' },
  },
  favourites: ['arn:aws:iam::333333333333:role/BillingViewer'],
  recents: ['arn:aws:iam::222222222222:role/Deployer', 'arn:aws:iam::111111111111:role/Admin'],
};

/** Every field of AWS's form with its value and state: what the panel must never change. */
const formFields = (): string[] =>
  [...document.querySelectorAll<HTMLInputElement>('#saml_form input')].map(
    (input) => `${input.name}=${input.value}:${input.type}`,
  );

function mount(settings: Settings = SETTINGS): PickerPanel {
  document.body.innerHTML = awsRolePage(ACCOUNTS);
  const reading = readPickerPage(document);
  if (!reading.ok) throw new Error(reading.reason);
  return addPickerPanel(document, reading.page, settings);
}

const visibleRoles = (panel: PickerPanel): string[] =>
  [...panel.root.querySelectorAll<HTMLElement>('[data-role-arn]')].map((b) => b.dataset.roleArn!);

function type(panel: PickerPanel, text: string): void {
  panel.search.value = text;
  panel.search.dispatchEvent(new Event('input', { bubbles: true }));
}

/** What AWS's Sign in link was clicked with: the checked radio at that moment, or nothing. */
function watchSignIn(): { clicks: (string | null)[] } {
  const seen = { clicks: [] as (string | null)[] };
  document.querySelector('#signin_button')!.addEventListener('click', (event) => {
    event.preventDefault();
    const checked = document.querySelector<HTMLInputElement>('input[name="roleIndex"]:checked');
    seen.clicks.push(checked?.value ?? null);
  });
  return seen;
}

const pressEnter = (panel: PickerPanel): boolean =>
  panel.search.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
  );

describe('addPickerPanel', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('adds a labelled search box before the form, focused, with a live count', () => {
    const panel = mount();
    expect(panel.root.nextElementSibling?.id).toBe('saml_form');
    expect(document.activeElement).toBe(panel.search);
    expect(document.querySelector(`label[for="${panel.search.id}"]`)?.textContent).toBe(
      'Search accounts and roles',
    );
    const status = panel.root.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('5 roles');
    expect(panel.search.getAttribute('aria-describedby')).toContain(status.id);
  });

  it('pins favourites on top, marks the role used last, and lists accounts in page order', () => {
    const panel = mount();
    expect(visibleRoles(panel)).toEqual([
      'arn:aws:iam::333333333333:role/BillingViewer',
      ...ACCOUNTS.flatMap((account) => account.roleArns),
    ]);
    expect(panel.root.querySelector('.saml-roles-panel__section')?.textContent).toBe('Favourites');
    const marked = [...panel.root.querySelectorAll('.saml-roles-panel__last-used')].map(
      (mark) => mark.closest<HTMLElement>('[data-role-arn]')!.dataset.roleArn,
    );
    expect(marked).toEqual(['arn:aws:iam::222222222222:role/Deployer']);
  });

  it('shows aliases and colours from the options, page data as text only', () => {
    const panel = mount();
    const account = (id: string) =>
      panel.root.querySelector<HTMLElement>(`[data-account-id="${id}"]`)!;
    expect(account('111111111111').textContent).toContain('prod-main');
    expect(
      account('111111111111').querySelector<HTMLElement>('.saml-roles-panel__swatch')!.style
        .backgroundColor,
    ).toMatch(/^(#d97706|rgb\(217, 119, 6\))$/);
    // An alias that looks like markup stays text.
    expect(account('222222222222').querySelector('.saml-roles-panel__alias')!.textContent).toBe(
      '<img src=x onerror="alert(1)">',
    );
    expect(panel.root.querySelector('img')).toBeNull();
  });

  it('filters accounts and roles as you type, with the popup’s matching', () => {
    const panel = mount();
    type(panel, 'prod-main read');
    expect(visibleRoles(panel)).toEqual(['arn:aws:iam::111111111111:role/ReadOnly']);
    expect(panel.root.querySelectorAll('[data-account-id]')).toHaveLength(1);
    expect(panel.root.querySelector('[role="status"]')!.textContent).toBe('1 of 5 roles matches');
    type(panel, 'readonly');
    expect(visibleRoles(panel)).toEqual([
      'arn:aws:iam::111111111111:role/ReadOnly',
      'arn:aws:iam::222222222222:role/team/dev/ReadOnly',
    ]);
    type(panel, 'nothing-like-this');
    expect(visibleRoles(panel)).toEqual([]);
    expect(panel.root.querySelector('[role="status"]')!.textContent).toBe(
      'No role matches, of 5 roles',
    );
  });

  it('signs in with Enter as the single match: its radio, then AWS’s own Sign in', () => {
    const panel = mount();
    const before = formFields();
    const signIn = watchSignIn();
    type(panel, '222 deploy');
    expect(pressEnter(panel)).toBe(false);
    expect(signIn.clicks).toEqual(['arn:aws:iam::222222222222:role/Deployer']);
    // The form's fields, their values and types, are as AWS wrote them.
    expect(formFields()).toEqual(before);
  });

  it('does nothing on Enter while several roles or none match', () => {
    const panel = mount();
    const signIn = watchSignIn();
    type(panel, 'readonly');
    pressEnter(panel);
    type(panel, 'nothing-like-this');
    pressEnter(panel);
    expect(signIn.clicks).toEqual([]);
    expect(document.querySelector('input[name="roleIndex"]:checked')).toBeNull();
  });

  it('signs in as a role clicked in the list, a favourite as well', () => {
    const panel = mount();
    const signIn = watchSignIn();
    panel.root
      .querySelector<HTMLButtonElement>(
        '[data-role-arn="arn:aws:iam::333333333333:role/BillingViewer"]',
      )!
      .click();
    expect(signIn.clicks).toEqual(['arn:aws:iam::333333333333:role/BillingViewer']);
  });

  it('draws at most PANEL_ROW_LIMIT rows, says how many more, and still finds any role', () => {
    const many = Array.from({ length: 3 }, (_, a) => ({
      label: `Account: ${String(a + 1).repeat(12)}`,
      roleArns: Array.from(
        { length: 50 },
        (_, r) => `arn:aws:iam::${String(a + 1).repeat(12)}:role/role-${a}-${r}`,
      ),
    }));
    document.body.innerHTML = awsRolePage(many);
    const reading = readPickerPage(document);
    if (!reading.ok) throw new Error(reading.reason);
    const panel = addPickerPanel(document, reading.page, emptySettings());
    const rows = panel.root.querySelectorAll('.saml-roles-panel__list > li');
    // Three account headings fit in the first 100 rows: 2 headings and 98 roles.
    expect(rows).toHaveLength(PANEL_ROW_LIMIT + 1);
    expect(visibleRoles(panel)).toHaveLength(PANEL_ROW_LIMIT - 2);
    expect(rows[PANEL_ROW_LIMIT]!.textContent).toBe('52 more roles below: type to narrow');
    expect(panel.root.querySelector('[role="status"]')!.textContent).toBe('150 roles');
    type(panel, 'role-2-49');
    expect(visibleRoles(panel)).toEqual(['arn:aws:iam::333333333333:role/role-2-49']);
    expect(panel.root.querySelector('.saml-roles-panel__more')).toBeNull();
  });

  it('works without settings: account IDs, no pinned section', () => {
    const panel = mount(emptySettings());
    expect(panel.root.querySelector('.saml-roles-panel__section')).toBeNull();
    expect(visibleRoles(panel)).toHaveLength(5);
  });
});
