// Content script on AWS's role-selection page (covered by the sign-in host permissions): reads the
// account aliases AWS shows, so the popup can show them too. It reads text only.
import { sendMessage } from '../../platform/messages.ts';
import type { Message } from '../messages.ts';
import { parseAccountLabels } from '../pickerAliases.ts';

const labels = [...document.querySelectorAll('div.saml-account-name')].map(
  (el) => el.textContent ?? '',
);
const aliases = parseAccountLabels(labels);
if (aliases.length > 0) {
  const message: Message = { type: 'aliases/learned', aliases };
  void sendMessage(message).catch(() => undefined);
}
