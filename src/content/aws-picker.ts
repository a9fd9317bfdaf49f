// Content script on AWS's role-selection page (covered by the sign-in host permissions): reads the
// account aliases AWS shows, so the popup can show them too. It reads text only.
import { send } from '../shared/message-channel.ts';
import { parseAccountLabels } from './picker-aliases.ts';

const labels = [...document.querySelectorAll('div.saml-account-name')].map(
  (el) => el.textContent ?? '',
);
const aliases = parseAccountLabels(labels);
// Fire and forget: a page that lists accounts needs nothing back.
if (aliases.length > 0) void send({ type: 'aliases/learned', aliases });
