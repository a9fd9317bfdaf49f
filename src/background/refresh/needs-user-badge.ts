import type { Badge } from '../../platform/types.ts';

/** The toolbar badge of a tab whose kept-fresh credentials wait for the user to sign in. */
export const NEEDS_USER_BADGE: Badge = { text: 'IdP', color: '#b45309' };
