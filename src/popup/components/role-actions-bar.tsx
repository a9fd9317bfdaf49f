import type { RoleListActions } from '../actions.ts';
import { accountLabel } from '../../shared/role-announce.ts';
import type { RoleEntry } from '../../shared/role-search.ts';
import { wantsNewTab } from '../model/signin.ts';
import { ROLE_ACTIONS } from '../role-actions.ts';

export interface RoleActionsBarProps {
  entry: RoleEntry;
  top: number;
  favourite: boolean;
  actions: RoleListActions;
}

/**
 * The highlighted role's controls: star, Sign in, Credentials. A sibling of the listbox, drawn over
 * the highlighted option (the star where the option shows its star, the buttons at its right end),
 * so that a pointer finds them on the row and Tab reaches them right after the search box.
 */
export function RoleActionsBar({ entry, top, favourite, actions }: RoleActionsBarProps) {
  const { role } = entry;
  return (
    <div
      class="role-actions"
      role="group"
      aria-label={`${entry.baseName} in ${accountLabel(entry)}`}
      style={{ top: `${top}px` }}
      data-testid="role-actions"
      data-role-arn={role.roleArn}
    >
      <button
        type="button"
        class={favourite ? 'star on' : 'star'}
        data-testid="favourite"
        aria-label="Favourite"
        aria-pressed={favourite}
        title={favourite ? 'Remove from favourites' : 'Pin to favourites'}
        onClick={() => void actions.toggleFavourite(role.roleArn)}
      >
        <span aria-hidden="true">{favourite ? '★' : '☆'}</span>
      </button>
      {ROLE_ACTIONS.map((action) => (
        <button
          key={action.id}
          type="button"
          class="action"
          data-testid={`action-${action.id}`}
          title={action.title}
          onClick={(event) => void action.run(role, actions, { newTab: wantsNewTab(event) })}
        >
          {action.label}
        </button>
      ))}
    </div>
  );
}
