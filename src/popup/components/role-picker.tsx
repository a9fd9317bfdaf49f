import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../core/settings.ts';
import type { RoleListActions } from '../actions.ts';
import { moveHighlight, scrollToShow, visibleRange } from '../model/list-window.ts';
import { buildRows, type Row } from '../../shared/role-rows.ts';
import type { RoleEntry } from '../../shared/role-search.ts';
import { wantsNewTab } from '../model/signin.ts';
import { DEFAULT_ROLE_ACTION, ROLE_ACTIONS } from '../role-actions.ts';
import { matchAnnouncement } from '../../shared/role-announce.ts';
import { RoleActionsBar } from './role-actions-bar.tsx';
import { optionId, RoleRow } from './role-row.tsx';

export const ROW_HEIGHT = 30;
const VIEWPORT = 420;
const LISTBOX_ID = 'role-list';

export interface RolePickerProps {
  groups: RoleEntry[][];
  settings: Settings;
  actions: RoleListActions;
  /** Called once the first list is on screen (the popup benchmark's end mark). */
  onListed?: (() => void) | undefined;
}

/**
 * Search box and a windowed list of every role: only the rows on screen are rendered.
 *
 * WAI-ARIA: the editable combobox with list autocomplete pattern (APG). Focus stays in the search
 * box, the arrow keys move aria-activedescendant through the listbox's options, Enter signs in.
 * Chosen over a grid because typing, moving and Enter are all a person needs for the common case,
 * and a grid would take focus away from the filter. The listbox holds only options; the
 * highlighted role's buttons (star, Sign in, Credentials) are a group beside it, next in Tab order.
 */
export function RolePicker({ groups, settings, actions, onListed }: RolePickerProps) {
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const list = useRef<HTMLDivElement>(null);
  const { rows, roleRows, matchCount } = useMemo(
    () => buildRows(groups, settings, query),
    [groups, settings, query],
  );
  const total = groups.reduce((sum, group) => sum + group.length, 0);
  const height = Math.min(VIEWPORT, rows.length * ROW_HEIGHT);
  const favourites = useMemo(() => new Set(settings.favourites), [settings.favourites]);
  const recents = useMemo(() => new Set(settings.recents), [settings.recents]);
  /** Row index -> position among the role options. */
  const positions = useMemo(() => new Map(roleRows.map((row, i) => [row, i])), [roleRows]);
  const highlightedRow = roleRows[highlight];
  const highlightedRole = highlightedRow === undefined ? undefined : rows[highlightedRow];

  useEffect(() => onListed?.(), []);
  // Starring a role rebuilds the list (it joins the favourites): the highlight, and with it the
  // focused star's role, stays on the role rather than on its old position. A new query starts
  // at the top instead.
  const remembered = useRef<{ query: string; arn?: string | undefined }>({ query });
  useLayoutEffect(() => {
    const { query: before, arn } = remembered.current;
    if (before !== query || arn === undefined) return;
    const position = roleRows.findIndex((index) => {
      const row = rows[index];
      return row?.kind === 'role' && row.entry.role.roleArn === arn;
    });
    if (position >= 0) setHighlight(position);
  }, [roleRows]);
  useLayoutEffect(() => {
    remembered.current = {
      query,
      arn: highlightedRole?.kind === 'role' ? highlightedRole.entry.role.roleArn : undefined,
    };
  });
  useLayoutEffect(() => {
    if (highlightedRow === undefined || !list.current) return;
    const next = scrollToShow(highlightedRow, list.current.scrollTop, height, ROW_HEIGHT, 1);
    if (next !== list.current.scrollTop) list.current.scrollTop = next;
  }, [highlightedRow, height]);

  const onKeyDown = (event: KeyboardEvent): void => {
    const page = Math.floor(VIEWPORT / ROW_HEIGHT) - 1;
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
    };
    const delta = moves[event.key];
    const action = event.altKey && ROLE_ACTIONS.find((a) => a.code === event.code);
    if (delta !== undefined) {
      event.preventDefault();
      setHighlight((current) => moveHighlight(current, delta, roleRows.length));
    } else if (event.key === 'Enter' && highlightedRow !== undefined) {
      event.preventDefault();
      const row = rows[highlightedRow] as Extract<Row, { kind: 'role' }>;
      void DEFAULT_ROLE_ACTION.run(row.entry.role, actions, { newTab: wantsNewTab(event) });
    } else if (action && highlightedRow !== undefined) {
      event.preventDefault();
      const row = rows[highlightedRow] as Extract<Row, { kind: 'role' }>;
      void action.run(row.entry.role, actions, { newTab: false });
    }
  };

  const { start, end } = visibleRange(scrollTop, height, ROW_HEIGHT, rows.length);
  // The highlighted option is always in the DOM, so aria-activedescendant names an element even
  // after the list was scrolled away from it.
  const rendered = rows.slice(start, end).map((row, offset) => start + offset);
  if (highlightedRow !== undefined && (highlightedRow < start || highlightedRow >= end))
    rendered.push(highlightedRow);
  return (
    <div class="picker">
      <div class="search">
        <input
          type="text"
          role="combobox"
          aria-expanded={rows.length > 0}
          aria-controls={LISTBOX_ID}
          aria-autocomplete="list"
          aria-activedescendant={highlightedRow === undefined ? undefined : optionId(highlight)}
          data-testid="search"
          placeholder="Filter by account, alias, role or path"
          aria-label="Filter roles"
          autoFocus
          value={query}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setHighlight(0);
          }}
          onKeyDown={onKeyDown}
        />
        <span class="count" data-testid="match-count" aria-hidden="true">
          {query ? `${matchCount} of ${total}` : `${total} role${total === 1 ? '' : 's'}`}
        </span>
        <span class="sr-only" role="status" data-testid="match-announcement">
          {matchAnnouncement(query, matchCount, total)}
        </span>
      </div>
      {rows.length === 0 ? (
        <p class="empty" data-testid="no-match">
          No role matches “{query}”.
        </p>
      ) : (
        <div
          class="list"
          ref={list}
          style={{ height: `${height}px` }}
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        >
          <div
            class="spacer"
            id={LISTBOX_ID}
            role="listbox"
            aria-label="Roles"
            data-testid="role-list"
            style={{ height: `${rows.length * ROW_HEIGHT}px` }}
          >
            {rendered.map((index) => {
              const row = rows[index]!;
              const top = index * ROW_HEIGHT;
              if (row.kind === 'section')
                return (
                  <div
                    key={row.key}
                    class="row section"
                    style={{ top: `${top}px` }}
                    aria-hidden="true"
                  >
                    {row.label}
                  </div>
                );
              if (row.kind === 'account') return <AccountRow key={row.key} row={row} top={top} />;
              const position = positions.get(index)!;
              return (
                <RoleRow
                  key={row.key}
                  row={row}
                  position={position}
                  optionCount={roleRows.length}
                  top={top}
                  highlighted={index === highlightedRow}
                  favourite={favourites.has(row.entry.role.roleArn)}
                  recent={recents.has(row.entry.role.roleArn)}
                  actions={actions}
                  onHover={() => setHighlight(position)}
                />
              );
            })}
          </div>
          {highlightedRole?.kind === 'role' && (
            <RoleActionsBar
              entry={highlightedRole.entry}
              top={highlightedRow! * ROW_HEIGHT}
              favourite={favourites.has(highlightedRole.entry.role.roleArn)}
              actions={actions}
            />
          )}
        </div>
      )}
    </div>
  );
}

export interface AccountRowProps {
  row: Extract<Row, { kind: 'account' }>;
  top: number;
}

/** An account's heading row: on screen only, as every option names its own account. */
export function AccountRow({ row, top }: AccountRowProps) {
  return (
    <div
      aria-hidden="true"
      class="row account"
      style={{ top: `${top}px`, borderLeftColor: row.color ?? 'transparent' }}
      data-testid="account-row"
      data-account-id={row.accountId}
    >
      <span class="account-alias">{row.alias ?? 'Account'}</span>
      <span class="account-id">{row.accountId}</span>
      <span class="account-count">{row.count}</span>
    </div>
  );
}
