// The panel added above AWS's role-selection form: a search box that filters the roles as you
// type, account aliases and colours, favourites pinned on top and the role used last marked.
// It builds its nodes with textContent only, and it touches AWS's form in one way: to sign in it
// clicks the chosen role's radio and AWS's own Sign in button, as a person would.
import type { Settings } from '../core/settings.ts';
import { accountLabel, matchAnnouncement } from '../shared/role-announce.ts';
import { buildRows, groupEntries, type Row } from '../shared/role-rows.ts';
import { toEntries } from '../shared/role-search.ts';
import type { PickerPage } from './picker-page.ts';

/**
 * Rows drawn at once: AWS lists every role below anyway, and a search narrows 1,000 roles in a
 * few keystrokes; drawing them all cost ~10x the popup's keystroke (bench, extension group).
 */
export const PANEL_ROW_LIMIT = 100;

/** The class every element of the panel carries a form of, so its stylesheet touches nothing else. */
export const PANEL_CLASS = 'saml-roles-panel';

export interface PickerPanel {
  root: HTMLElement;
  search: HTMLInputElement;
  /** Shows the roles matching `query` (what typing into the search box does). */
  filter(query: string): void;
}

type RoleRow = Extract<Row, { kind: 'role' }>;

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.className = `${PANEL_CLASS}__${className}`;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Signs in as `roleArn` through AWS's own form: its radio, then its Sign in button. */
function signInWith(page: PickerPage, roleArn: string): void {
  const role = page.roles.find((r) => r.roleArn === roleArn);
  if (!role) return;
  role.radio.click();
  page.signInButton.click();
}

/** Adds the panel before AWS's form and focuses its search box. */
export function addPickerPanel(doc: Document, page: PickerPage, settings: Settings): PickerPanel {
  const groups = groupEntries(
    toEntries(
      page.roles.map((r) => r.roleArn),
      settings.accounts,
    ),
  );
  const total = page.roles.length;
  const favourites = new Set(settings.favourites);
  const lastUsed = settings.recents[0];

  const root = element(doc, 'section', 'root');
  root.classList.add(PANEL_CLASS);
  root.setAttribute('aria-label', 'SAML Roles: search roles');
  root.dataset.testid = 'saml-roles-panel';
  const label = element(doc, 'label', 'label', 'Search accounts and roles');
  label.htmlFor = 'saml-roles-search';
  const search = element(doc, 'input', 'search');
  Object.assign(search, {
    id: 'saml-roles-search',
    type: 'search',
    autocomplete: 'off',
    spellcheck: false,
  });
  search.setAttribute('aria-describedby', 'saml-roles-count saml-roles-hint');
  const count = element(doc, 'p', 'count');
  count.id = 'saml-roles-count';
  count.setAttribute('role', 'status');
  const hint = element(
    doc,
    'p',
    'hint',
    'Enter signs in when one role matches. SAML Roles extension; AWS’s form is below.',
  );
  hint.id = 'saml-roles-hint';
  const list = element(doc, 'ul', 'list');
  list.setAttribute('aria-label', 'Matching roles');
  root.append(label, search, count, hint, list);

  // Nodes are built once per row and reused: a keystroke only re-orders what already exists.
  const nodes = new Map<string, HTMLElement>();
  const accountCounts = new Map<string, HTMLElement>();
  const roleNode = (row: RoleRow): HTMLElement => {
    const { entry } = row;
    const item = element(doc, 'li', 'role');
    const button = element(doc, 'button', 'role-button');
    button.type = 'button';
    button.dataset.roleArn = entry.role.roleArn;
    button.title = entry.role.roleArn;
    if (favourites.has(entry.role.roleArn)) button.append(element(doc, 'span', 'star', '★ '));
    button.append(element(doc, 'span', 'role-name', entry.baseName));
    if (entry.path !== '/') button.append(element(doc, 'span', 'role-path', ` ${entry.path}`));
    if (row.pinned) button.append(element(doc, 'span', 'role-account', ` ${accountLabel(entry)}`));
    if (entry.role.roleArn === lastUsed)
      button.append(element(doc, 'span', 'last-used', 'last used'));
    button.addEventListener('click', () => signInWith(page, entry.role.roleArn));
    item.append(button);
    return item;
  };
  const nodeFor = (row: Row): HTMLElement => {
    let node = nodes.get(row.key);
    if (!node) {
      if (row.kind === 'role') node = roleNode(row);
      else if (row.kind === 'section') node = element(doc, 'li', 'section', row.label);
      else {
        node = element(doc, 'li', 'account');
        const swatch = element(doc, 'span', 'swatch');
        // Settings keep only #rrggbb colours (normalizeSettings); CSSOM, not markup.
        if (row.color) swatch.style.backgroundColor = row.color;
        const countText = element(doc, 'span', 'account-count');
        accountCounts.set(row.key, countText);
        node.append(
          swatch,
          element(doc, 'span', 'alias', row.alias ?? ''),
          element(doc, 'span', 'account-id', row.accountId),
          countText,
        );
        node.dataset.accountId = row.accountId;
      }
      nodes.set(row.key, node);
    }
    if (row.kind === 'account')
      accountCounts.get(row.key)!.textContent = `${row.count} role${row.count === 1 ? '' : 's'}`;
    return node;
  };

  let current: RoleRow[] = [];
  let matchCount = 0;
  const more = element(doc, 'li', 'more');
  const filter = (query: string): void => {
    const built = buildRows(groups, { favourites: settings.favourites, recents: [] }, query);
    const shown = built.rows.slice(0, PANEL_ROW_LIMIT).map(nodeFor);
    const hidden = built.roleRows.filter((index) => index >= PANEL_ROW_LIMIT).length;
    more.textContent = `${hidden} more role${hidden === 1 ? '' : 's'} below: type to narrow`;
    list.replaceChildren(...shown, ...(hidden > 0 ? [more] : []));
    current = built.roleRows.map((index) => built.rows[index] as RoleRow);
    matchCount = built.matchCount;
    count.textContent = matchAnnouncement(query, matchCount, total);
  };
  search.addEventListener('input', () => filter(search.value));
  search.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const only = current[0];
    if (matchCount === 1 && only) signInWith(page, only.entry.role.roleArn);
  });

  filter('');
  page.form.before(root);
  search.focus();
  return { root, search, filter };
}
