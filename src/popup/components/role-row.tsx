import type { RoleListActions } from '../actions.ts';
import type { Row } from '../model/rows.ts';
import { wantsNewTab } from '../model/signin.ts';
import { ROLE_ACTIONS } from '../role-actions.ts';

export interface RoleRowProps {
  row: Extract<Row, { kind: 'role' }>;
  top: number;
  highlighted: boolean;
  favourite: boolean;
  actions: RoleListActions;
  onHover(): void;
}

/** One role: star, name with its path, the account when pinned, and its actions when highlighted. */
export function RoleRow({ row, top, highlighted, favourite, actions, onHover }: RoleRowProps) {
  const { entry } = row;
  const { role } = entry;
  return (
    <div
      class={highlighted ? 'row role highlighted' : 'row role'}
      style={{ top: `${top}px` }}
      role="option"
      aria-selected={highlighted}
      data-testid="role-row"
      data-role-arn={role.roleArn}
      title={role.roleArn}
      onMouseMove={highlighted ? undefined : onHover}
      onClick={(event) => void ROLE_ACTIONS[0]!.run(role, actions, { newTab: wantsNewTab(event) })}
      onAuxClick={(event) => event.button === 1 && void actions.signIn(role, { newTab: true })}
    >
      <button
        type="button"
        class={favourite ? 'star on' : 'star'}
        data-testid="favourite"
        aria-pressed={favourite}
        title={favourite ? 'Remove from favourites' : 'Pin to favourites'}
        onClick={(event) => {
          event.stopPropagation();
          void actions.toggleFavourite(role.roleArn);
        }}
      >
        {favourite ? '★' : '☆'}
      </button>
      <span class="role-name">{entry.baseName}</span>
      {entry.path !== '/' && <span class="role-path">{entry.path}</span>}
      {row.pinned && (
        <span class="role-account">
          {entry.alias ? `${entry.alias} · ${role.accountId}` : role.accountId}
        </span>
      )}
      {highlighted && (
        <span class="role-actions">
          {ROLE_ACTIONS.map((action) => (
            <button
              key={action.id}
              type="button"
              class="action"
              data-testid={`action-${action.id}`}
              title={action.title}
              onClick={(event) => {
                event.stopPropagation();
                void action.run(role, actions, { newTab: wantsNewTab(event) });
              }}
            >
              {action.label}
            </button>
          ))}
        </span>
      )}
    </div>
  );
}
