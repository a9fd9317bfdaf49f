import type { RoleRef } from '../shared/role-search.ts';
import type { RoleListActions } from './actions.ts';

/**
 * Things a person can do with one role, shown on the highlighted row. Signing in is the default
 * (Enter / click); more actions (credentials, console) join this list.
 */
export interface RoleAction {
  id: string;
  label: string;
  title: string;
  /** KeyboardEvent.code that runs it with Alt on the highlighted role (plain letters filter). */
  code?: string;
  run(role: RoleRef, actions: RoleListActions, options: { newTab: boolean }): Promise<void>;
}

export const ROLE_ACTIONS: readonly RoleAction[] = [
  {
    id: 'signin',
    label: 'Sign in',
    title: 'Sign in to the AWS console as this role (Ctrl/Cmd/Shift: in a new tab)',
    run: (role, actions, options) => actions.signIn(role, options),
  },
  {
    id: 'credentials',
    label: 'Credentials',
    title: 'Temporary credentials for the AWS CLI and SDKs, or the console in a new tab (Alt+C)',
    code: 'KeyC',
    run: async (role, actions) => actions.showCredentials(role),
  },
];

export const DEFAULT_ROLE_ACTION: RoleAction = ROLE_ACTIONS[0]!;
