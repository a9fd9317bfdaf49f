// @vitest-environment happy-dom
// The content script's reading of AWS's role-selection page: AWS's current markup and the
// stand-in's copy are read; every change to what the panel relies on is refused, with the reason.
import { beforeEach, describe, expect, it } from 'vitest';
import { readPickerPage } from '../../src/content/picker-page.ts';
import { roleSelectionPage } from '../../src/idp/standin/pages.ts';
import { ACCOUNTS, awsRolePage } from './aws-pages.ts';

const ALL_ARNS = ACCOUNTS.flatMap((account) => account.roleArns);

const show = (html: string): void => {
  document.body.innerHTML = html;
};

describe('readPickerPage', () => {
  beforeEach(() => show(''));

  it("reads AWS's current markup: the form, its Sign in link and every role in page order", () => {
    show(awsRolePage(ACCOUNTS));
    const reading = readPickerPage(document);
    if (!reading.ok) throw new Error(reading.reason);
    expect(reading.page.roles.map((role) => role.roleArn)).toEqual(ALL_ARNS);
    expect(reading.page.signInButton.id).toBe('signin_button');
    expect(reading.page.roles[2]!.radio.value).toBe(ALL_ARNS[2]);
  });

  it("reads the stand-in's copy of the page (a submit button, headings without aliases)", () => {
    const html = roleSelectionPage({
      samlResponse: 'x',
      relayState: '',
      action: '/saml',
      accounts: ACCOUNTS.map((account) => ({
        accountId: account.roleArns[0]!.split(':')[4]!,
        roles: account.roleArns.map((roleArn) => ({ roleArn, roleName: 'r' })),
      })),
    });
    document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
    const reading = readPickerPage(document);
    if (!reading.ok) throw new Error(reading.reason);
    expect(reading.page.roles.map((role) => role.roleArn)).toEqual(ALL_ARNS);
    expect(reading.page.signInButton.tagName).toBe('BUTTON');
  });

  // Each a change AWS could make; the panel must then leave the page alone.
  const changed: [string, (html: string) => string, RegExp][] = [
    ['the form renamed', (h) => h.replace('id="saml_form"', 'id="role_form"'), /saml_form/],
    [
      'the Sign in control renamed',
      (h) => h.replace('id="signin_button"', 'id="continue"'),
      /signin_button/,
    ],
    [
      'the Sign in control a div',
      (h) =>
        h.replace(
          /<a id="signin_button"([^>]*)>Sign In<\/a>/,
          '<div id="signin_button">Sign In</div>',
        ),
      /signin_button/,
    ],
    [
      'account headings worded differently',
      (h) => h.replaceAll('Account: ', 'AWS account '),
      /heading AWS would not write/,
    ],
    [
      'account headings without the account ID',
      (h) => h.replace('platform-prod (111111111111)', 'platform-prod'),
      /heading AWS would not write/,
    ],
    [
      'no account headings',
      (h) => h.replaceAll('saml-account-name', 'account-title'),
      /no .saml-account-name/,
    ],
    [
      'roles outside a .saml-role',
      (h) => h.replaceAll('class="saml-role"', 'class="role-row"'),
      /not in a .saml-role/,
    ],
    [
      'a role under another account’s heading',
      (h) => h.replace('Account: billing (333333333333)', 'Account: billing (444444444444)'),
      /not under the heading of account 333333333333/,
    ],
    [
      'role radios holding indexes, not ARNs',
      (h) => h.replace(/value="arn:aws:iam::111111111111:role\/Admin"/, 'value="0"'),
      /not a role ARN/,
    ],
    [
      'roleIndex a select, not radios',
      (h) => h.replace('type="radio" name="roleIndex"', 'type="text" name="roleIndex"'),
      /not a radio/,
    ],
    [
      'the same role twice',
      (h) =>
        h.replace(
          'value="arn:aws:iam::111111111111:role/ReadOnly"',
          'value="arn:aws:iam::111111111111:role/Admin"',
        ),
      /listed twice/,
    ],
    [
      'no role radios (headings only)',
      (h) => h.replaceAll('name="roleIndex"', 'name="role"'),
      /no roleIndex radios/,
    ],
  ];
  it.each(changed)('refuses a page with %s', (_what, change, reason) => {
    const html = awsRolePage(ACCOUNTS);
    const edited = change(html);
    expect(edited).not.toBe(html);
    show(edited);
    const reading = readPickerPage(document);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toMatch(reason);
  });

  it('refuses a page with no form at all', () => {
    show('<main><h1>Sign in</h1></main>');
    expect(readPickerPage(document)).toEqual({ ok: false, reason: 'no form#saml_form' });
  });
});
