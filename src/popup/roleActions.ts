import type { RoleRef } from './model/search.ts';
import type { PopupActions } from './actions.ts';

/**
 * Things a person can do with one role, shown on the highlighted row. Signing in is the default
 * (Enter / click); more actions (credentials, console) join this list.
 */
export interface RoleAction {
  id: string;
  label: string;
  title: string;
  run(role: RoleRef, actions: PopupActions, options: { newTab: boolean }): Promise<void>;
}

export const ROLE_ACTIONS: readonly RoleAction[] = [
  {
    id: 'signin',
    label: 'Sign in',
    title: 'Sign in to the AWS console as this role (Ctrl/Cmd/Shift: in a new tab)',
    run: (role, actions, options) => actions.signIn(role, options),
  },
];

export const DEFAULT_ROLE_ACTION: RoleAction = ROLE_ACTIONS[0]!;
