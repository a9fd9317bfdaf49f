/** The extension page that re-POSTs the assertion for one role (see src/popup/signin.ts). */
export const SIGNIN_PAGE = 'src/popup/signin.html';

export function signinPagePath(sourceTabId: number, roleArn: string): string {
  const query = new URLSearchParams({ tab: String(sourceTabId), role: roleArn });
  return `${SIGNIN_PAGE}?${query.toString()}`;
}

/** Reads the sign-in page's query; undefined when it is not one the popup wrote. */
export function parseSigninQuery(
  search: string,
): { sourceTabId: number; roleArn: string } | undefined {
  const query = new URLSearchParams(search);
  const tab = Number(query.get('tab'));
  const roleArn = query.get('role');
  if (!Number.isInteger(tab) || tab < 0 || !roleArn) return undefined;
  return { sourceTabId: tab, roleArn };
}

/** Ctrl/Cmd/Shift-click or -Enter, or a middle click, opens the sign-in in a new tab. */
export function wantsNewTab(event: {
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  button?: number;
}): boolean {
  return event.ctrlKey || event.metaKey || event.shiftKey || event.button === 1;
}
