// Content script on AWS's role-selection page (covered by the sign-in host permissions). It reads
// the account aliases AWS shows, so the popup can show them too, and, when the page has exactly
// the structure it expects, adds the search panel above AWS's form. It reads text only.
import { withLearnedAliases } from '../core/settings.ts';
import { localArea } from '../platform/storage.ts';
import { send } from '../shared/message-channel.ts';
import { settingsStore } from '../shared/settings-store.ts';
import { parseAccountLabels } from './picker-aliases.ts';
import { readPickerPage } from './picker-page.ts';
import { addPickerPanel } from './picker-panel.ts';

const labels = [...document.querySelectorAll('div.saml-account-name')].map(
  (el) => el.textContent ?? '',
);
const aliases = parseAccountLabels(labels);
// Fire and forget: a page that lists accounts needs nothing back.
if (aliases.length > 0) void send({ type: 'aliases/learned', aliases });

const reading = readPickerPage(document);
if (reading.ok) {
  const { page } = reading;
  // The page's own aliases count at once: the worker may not have saved them yet.
  void settingsStore(localArea())
    .load()
    .then((settings) => addPickerPanel(document, page, withLearnedAliases(settings, aliases)))
    // Without settings AWS's page stays as it came; the popup still works.
    .catch((error: unknown) => console.warn('saml-roles: no panel on this page', error));
}
