import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../core/settings.ts';
import type { RoleListActions } from '../actions.ts';
import { moveHighlight, scrollToShow, visibleRange } from '../model/list-window.ts';
import { buildRows, type Row } from '../model/rows.ts';
import type { RoleEntry } from '../model/search.ts';
import { wantsNewTab } from '../model/signin.ts';
import { DEFAULT_ROLE_ACTION, ROLE_ACTIONS } from '../role-actions.ts';
import { RoleRow } from './role-row.tsx';

export const ROW_HEIGHT = 30;
const VIEWPORT = 420;

export interface RolePickerProps {
  groups: RoleEntry[][];
  settings: Settings;
  actions: RoleListActions;
  /** Called once the first list is on screen (the popup benchmark's end mark). */
  onListed?: (() => void) | undefined;
}

/** Search box and a windowed list of every role: only the rows on screen are rendered. */
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
  const highlightedRow = roleRows[highlight];

  useEffect(() => onListed?.(), []);
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
  return (
    <div class="picker">
      <div class="search">
        <input
          type="search"
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
        <span class="count" data-testid="match-count">
          {query ? `${matchCount} of ${total}` : `${total} role${total === 1 ? '' : 's'}`}
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
          role="listbox"
          data-testid="role-list"
          style={{ height: `${height}px` }}
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        >
          <div class="spacer" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
            {rows.slice(start, end).map((row, offset) => {
              const index = start + offset;
              const top = index * ROW_HEIGHT;
              if (row.kind === 'section')
                return (
                  <div key={row.key} class="row section" style={{ top: `${top}px` }}>
                    {row.label}
                  </div>
                );
              if (row.kind === 'account') return <AccountRow key={row.key} row={row} top={top} />;
              return (
                <RoleRow
                  key={row.key}
                  row={row}
                  top={top}
                  highlighted={index === highlightedRow}
                  favourite={favourites.has(row.entry.role.roleArn)}
                  actions={actions}
                  onHover={() => setHighlight(roleRows.indexOf(index))}
                />
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}

export interface AccountRowProps {
  row: Extract<Row, { kind: 'account' }>;
  top: number;
}

export function AccountRow({ row, top }: AccountRowProps) {
  return (
    <div
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
