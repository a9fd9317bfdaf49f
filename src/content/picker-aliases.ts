import type { LearnedAlias } from '../shared/messages.ts';

// AWS's role-selection page labels each account "Account: alias (123456789012)", or
// "Account: 123456789012" when the account has no alias.
const LABEL = /^\s*Account:\s*(.+?)\s*\((\d{12})\)\s*$/;

/** Reads account aliases from the texts of AWS's `div.saml-account-name` elements. */
export function parseAccountLabels(labels: readonly string[]): LearnedAlias[] {
  const found = new Map<string, string>();
  for (const label of labels) {
    const match = LABEL.exec(label.replace(/\s+/g, ' '));
    if (match && match[1] !== match[2]) found.set(match[2]!, match[1]!);
  }
  return [...found].map(([accountId, alias]) => ({ accountId, alias }));
}
