import type { RoleListActions } from '../actions.ts';
import { accountLabel } from '../../shared/role-announce.ts';
import type { Row } from '../../shared/role-rows.ts';
import { wantsNewTab } from '../model/signin.ts';
import { DEFAULT_ROLE_ACTION } from '../role-actions.ts';

export interface RoleRowProps {
  row: Extract<Row, { kind: 'role' }>;
  /** Index among the role options (aria-posinset is one more). */
  position: number;
  /** How many role options the whole list has, most of them not rendered (windowing). */
  optionCount: number;
  top: number;
  highlighted: boolean;
  favourite: boolean;
  recent: boolean;
  actions: RoleListActions;
  onHover(): void;
}

/** The id the search box's aria-activedescendant names for the option at `position`. */
export const optionId = (position: number): string => `role-option-${position}`;

/**
 * One role as a listbox option: star, name with its path, the account when pinned. Its accessible
 * name is its text, which says for screen readers what the list shows around it: the account
 * (alias and ID; the list is windowed, so the account's heading row may not be in the DOM), and
 * whether it is a favourite or recent. It holds no
 * control (the listbox pattern allows none): its buttons are RoleActions, drawn over the
 * highlighted option but outside the listbox. A click signs in, like Enter.
 */
export function RoleRow(props: RoleRowProps) {
  const { row, position, optionCount, top, highlighted, favourite, recent, actions } = props;
  const { entry } = row;
  const { role } = entry;
  return (
    <div
      id={optionId(position)}
      class={highlighted ? 'row role highlighted' : 'row role'}
      style={{ top: `${top}px` }}
      role="option"
      aria-selected={highlighted}
      aria-posinset={position + 1}
      aria-setsize={optionCount}
      data-testid="role-row"
      data-role-arn={role.roleArn}
      title={role.roleArn}
      onMouseMove={highlighted ? undefined : props.onHover}
      onClick={(event) =>
        void DEFAULT_ROLE_ACTION.run(role, actions, { newTab: wantsNewTab(event) })
      }
      onAuxClick={(event) => event.button === 1 && void actions.signIn(role, { newTab: true })}
    >
      <span class={favourite ? 'star on' : 'star'} aria-hidden="true">
        {favourite ? '★' : '☆'}
      </span>
      <span class="role-name">{entry.baseName}</span>
      {entry.path !== '/' && (
        <span class="role-path">
          <span class="sr-only">, path </span>
          {entry.path}
        </span>
      )}
      {row.pinned ? (
        <span class="role-account">
          <span class="sr-only">, account </span>
          {accountLabel(entry)}
        </span>
      ) : (
        <span class="sr-only">, account {accountLabel(entry)}</span>
      )}
      {favourite && <span class="sr-only">, favourite</span>}
      {recent && <span class="sr-only">, recent</span>}
    </div>
  );
}
