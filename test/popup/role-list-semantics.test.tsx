// What a screen reader gets from the role list, read from the components' element trees: roles,
// names and states, and that no option holds a control (the listbox pattern allows none).
import { describe, expect, it } from 'vitest';
import type { RoleListActions } from '../../src/popup/actions.ts';
import { AccountRow } from '../../src/popup/components/role-picker.tsx';
import { RoleActionsBar } from '../../src/popup/components/role-actions-bar.tsx';
import { RoleRow } from '../../src/popup/components/role-row.tsx';
import { Header } from '../../src/popup/components/header.tsx';
import { Notice } from '../../src/popup/components/notice.tsx';
import { accountLabel, matchAnnouncement } from '../../src/shared/role-announce.ts';
import { buildRows, groupEntries, type Row } from '../../src/shared/role-rows.ts';
import { toEntries } from '../../src/shared/role-search.ts';
import { EXPIRY_WARNING_MS, expiryWarning } from '../../src/popup/model/time.ts';
import type { CaptureSummary } from '../../src/shared/capture.ts';
import { elements, flatten } from './expand.ts';

const ARNS = [
  'arn:aws:iam::111111111111:role/team/dev/ReadOnly',
  'arn:aws:iam::222222222222:role/Deployer',
];
const groups = groupEntries(
  toEntries(ARNS, { '111111111111': { alias: 'prod-main', color: '#ff0000' } }),
);
const actions = {} as RoleListActions;
type RoleRowData = Extract<Row, { kind: 'role' }>;

function roleRows(favourites: string[] = [], recents: string[] = []): RoleRowData[] {
  return buildRows(groups, { favourites, recents }, '').rows.filter(
    (row): row is RoleRowData => row.kind === 'role',
  );
}

function option(
  row: RoleRowData,
  marks = { favourite: false, recent: false },
  highlighted = false,
) {
  const [element] = elements(
    RoleRow({
      row,
      position: 3,
      optionCount: 40,
      top: 0,
      highlighted,
      ...marks,
      actions,
      onHover: () => undefined,
    }),
  );
  return element!;
}

describe('a role option', () => {
  const [readOnly, deployer] = roleRows();

  it('is an option that says its role, path and account (alias and ID)', () => {
    const element = option(readOnly!);
    expect(element.props.role).toBe('option');
    expect(element.spoken).toBe('ReadOnly, path /team/dev/, account prod-main 111111111111');
    expect(option(deployer!).spoken).toBe('Deployer, account 222222222222');
  });

  it('says whether the role is a favourite or recent', () => {
    expect(option(deployer!, { favourite: true, recent: false }).spoken).toBe(
      'Deployer, account 222222222222, favourite',
    );
    expect(option(deployer!, { favourite: true, recent: true }).spoken).toBe(
      'Deployer, account 222222222222, favourite, recent',
    );
  });

  it('says its place in the whole list, not only in the rows rendered', () => {
    const { props } = option(readOnly!);
    expect([props['aria-posinset'], props['aria-setsize']]).toEqual([4, 40]);
    expect(props.id).toBe('role-option-3');
  });

  it('is selected when highlighted, and holds no control either way', () => {
    for (const highlighted of [false, true]) {
      const element = option(readOnly!, { favourite: true, recent: false }, highlighted);
      expect(element.props['aria-selected']).toBe(highlighted);
      const nested = flatten(element.children).filter((e) =>
        ['button', 'a', 'input', 'select'].includes(e.tag),
      );
      expect(nested).toEqual([]);
    }
  });

  it('a pinned option shows the account it would otherwise take from its heading row', () => {
    const [pinned] = roleRows([ARNS[0]!]);
    expect(pinned?.pinned).toBe('favourite');
    expect(option(pinned!, { favourite: true, recent: false }).spoken).toBe(
      'ReadOnly, path /team/dev/, account prod-main 111111111111, favourite',
    );
  });
});

describe('the account heading row', () => {
  it('is hidden from screen readers, since every option names its account', () => {
    const row = buildRows(groups, { favourites: [], recents: [] }, '').rows[0]!;
    if (row.kind !== 'account') throw new Error('the first row is an account');
    expect(elements(AccountRow({ row, top: 0 }))[0]!.props['aria-hidden']).toBe('true');
  });
});

describe('the highlighted role’s actions', () => {
  const [readOnly] = roleRows();
  const bar = (favourite: boolean) =>
    elements(RoleActionsBar({ entry: readOnly!.entry, top: 0, favourite, actions }))[0]!;

  it('are a group named after the role and its account', () => {
    expect(bar(false).props.role).toBe('group');
    expect(bar(false).props['aria-label']).toBe('ReadOnly in prod-main 111111111111');
  });

  it('are buttons with names: a star toggle, Sign in, Credentials', () => {
    for (const favourite of [false, true]) {
      const buttons = flatten([bar(favourite)]).filter((e) => e.tag === 'button');
      expect(
        buttons.map((b) => [b.props['aria-label'] ?? b.spoken, b.props['aria-pressed']]),
      ).toEqual([
        ['Favourite', favourite],
        ['Sign in', undefined],
        ['Credentials', undefined],
      ]);
      expect(buttons.every((b) => b.props.type === 'button')).toBe(true);
    }
  });
});

describe('announcements', () => {
  it('counts the matches as a sentence', () => {
    expect(matchAnnouncement('', 0, 5)).toBe('5 roles');
    expect(matchAnnouncement('', 0, 1)).toBe('1 role');
    expect(matchAnnouncement('dep', 1, 5)).toBe('1 of 5 roles matches');
    expect(matchAnnouncement('read', 2, 5)).toBe('2 of 5 roles match');
    expect(matchAnnouncement('zzz', 0, 5)).toBe('No role matches, of 5 roles');
    expect(matchAnnouncement('   ', 0, 5)).toBe('5 roles');
  });

  it('names an account by alias and ID, or ID alone', () => {
    const [readOnly, deployer] = roleRows();
    expect(accountLabel(readOnly!.entry)).toBe('prod-main 111111111111');
    expect(accountLabel(deployer!.entry)).toBe('222222222222');
  });

  it('warns of expiry only in the last minute, and not once expired', () => {
    const expiresAt = 1_000_000;
    expect(expiryWarning(undefined, 0)).toBe('');
    expect(expiryWarning(expiresAt, expiresAt - EXPIRY_WARNING_MS - 1)).toBe('');
    expect(expiryWarning(expiresAt, expiresAt - EXPIRY_WARNING_MS)).toMatch(/less than a minute/);
    expect(expiryWarning(expiresAt, expiresAt - 1)).toMatch(/less than a minute/);
    expect(expiryWarning(expiresAt, expiresAt)).toBe('');
  });
});

describe('notices and the header', () => {
  const summary = {
    sessionName: 'bob',
    issuer: 'https://idp.example',
    errors: [],
    expiresAt: 100_000,
  } as unknown as CaptureSummary;
  const header = (now: number) =>
    flatten(elements(Header({ summary, now, view: 'roles', onView: () => undefined })));

  it('the header’s live region is empty until the last minute, then warns', () => {
    const status = (now: number) => header(now).find((e) => e.props.role === 'status')!;
    expect(status(0).spoken).toBe('');
    expect(status(100_000 - 30_000).spoken).toMatch(/expires in less than a minute/);
    // Nothing in the header takes the focus: no autofocus anywhere.
    expect(header(70_000).some((e) => 'autoFocus' in e.props || 'autofocus' in e.props)).toBe(
      false,
    );
  });

  it('an error notice is an alert and an info notice a status, with a heading of its level', () => {
    const [main] = elements(Notice({ title: 'Broken', tone: 'error', testId: 'x' }));
    const [info] = elements(Notice({ title: 'FYI', tone: 'info', testId: 'y', level: 2 }));
    // The whole popup is a main landmark; inside a view, the notice is only a section.
    const error = main!.children[0]!;
    expect([main!.tag, error.props.role, error.children[0]!.tag]).toEqual(['main', 'alert', 'h1']);
    expect([info!.tag, info!.props.role, info!.children[0]!.tag]).toEqual([
      'section',
      'status',
      'h2',
    ]);
  });
});
