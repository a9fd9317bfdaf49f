// Reads AWS's role-selection page into what the panel needs, or says why it will not touch it.
// AWS has changed this page before (saml2aws #1110, PR #1528): every element the panel relies on
// is checked here, and any surprise means the page is left exactly as AWS sent it.

/** One role option on AWS's page: its radio (checked to pick it) and its ARN. */
export interface PickerRole {
  roleArn: string;
  radio: HTMLInputElement;
}

/** AWS's page as the panel uses it: the form, its Sign in button and every role in page order. */
export interface PickerPage {
  form: HTMLFormElement;
  signInButton: HTMLElement;
  roles: PickerRole[];
}

export type PickerPageReading = { ok: true; page: PickerPage } | { ok: false; reason: string };

const ROLE_ARN = /^arn:[\w-]+:iam::(\d{12}):role\/\S+$/;
// "Account: alias (123456789012)", or "Account: 123456789012" when the account has no alias.
const ACCOUNT_LABEL = /^Account: (?:.+ \((\d{12})\)|(\d{12}))$/;

const refuse = (reason: string): PickerPageReading => ({ ok: false, reason });

/** The account ID an account heading names, or undefined when it is not AWS's wording. */
function labelledAccount(heading: Element): string | undefined {
  const match = ACCOUNT_LABEL.exec((heading.textContent ?? '').replace(/\s+/g, ' ').trim());
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * Checks the page for AWS's structure: `form#saml_form` with a `#signin_button` (a button or a
 * link), role radios `input[type=radio][name=roleIndex]` holding role ARNs, each inside a
 * `.saml-role` within the `.saml-account` block whose `.saml-account-name` heading names the
 * ARN's account. Linear in the page: each radio walks up only to its account block.
 */
export function readPickerPage(doc: Document): PickerPageReading {
  const form = doc.querySelector('form#saml_form');
  if (!(form instanceof HTMLFormElement)) return refuse('no form#saml_form');
  const signInButton = form.querySelector('#signin_button');
  if (!(signInButton instanceof HTMLButtonElement || signInButton instanceof HTMLAnchorElement))
    return refuse('no #signin_button (a button or link) in the form');

  const accountOfBlock = new Map<Element, string>();
  for (const heading of form.querySelectorAll('.saml-account-name')) {
    const accountId = labelledAccount(heading);
    if (!accountId)
      return refuse(`an account heading AWS would not write: "${heading.textContent}"`);
    const block = heading.closest('.saml-account');
    if (!block || !form.contains(block))
      return refuse('an account heading outside a .saml-account');
    accountOfBlock.set(block, accountId);
  }
  if (accountOfBlock.size === 0) return refuse('no .saml-account-name headings');

  const radios = form.querySelectorAll('input');
  const roles: PickerRole[] = [];
  const seen = new Set<string>();
  for (const radio of radios) {
    if (radio.name !== 'roleIndex') continue;
    if (radio.type !== 'radio') return refuse('a roleIndex field that is not a radio');
    const roleArn = radio.value;
    const arnAccount = ROLE_ARN.exec(roleArn)?.[1];
    if (!arnAccount) return refuse(`a roleIndex radio whose value is not a role ARN: "${roleArn}"`);
    if (seen.has(roleArn)) return refuse(`the role ${roleArn} is listed twice`);
    seen.add(roleArn);
    const row = radio.closest('.saml-role');
    if (!row || !form.contains(row))
      return refuse(`the radio of ${roleArn} is not in a .saml-role`);
    let block: Element | null = row.parentElement;
    while (block && !accountOfBlock.has(block)) block = block.parentElement;
    const blockAccount = block ? accountOfBlock.get(block) : undefined;
    if (blockAccount !== arnAccount)
      return refuse(`${roleArn} is not under the heading of account ${arnAccount}`);
    roles.push({ roleArn, radio });
  }
  if (roles.length === 0) return refuse('no roleIndex radios');
  return { ok: true, page: { form, signInButton, roles } };
}
