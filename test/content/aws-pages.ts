// Role-selection pages for the content script's tests, written for these tests from the structure
// AWS's page is publicly known to have (the ids, names and classes scripts and extensions rely
// on): an account block with its heading inside a clickable wrapper, a nested block of roles, and
// a Sign in link whose click handler submits the form.

export interface PageAccount {
  label: string;
  roleArns: string[];
}

/** AWS's current role-selection markup for these accounts. */
export function awsRolePage(accounts: readonly PageAccount[]): string {
  const blocks = accounts.map(
    (account, index) => `
    <div class="saml-account">
      <div onclick="expandCollapse(${index});">
        <img id="image${index}" src="/static/image/down.png" valign="middle">
        <div class="saml-account-name">${account.label}</div>
      </div>
      <hr style="border: 1px solid #ddd;">
      <div id="${index}" class="saml-account">
        ${account.roleArns
          .map(
            (arn) => `
        <div class="saml-role" onclick="checkRadio(this);">
          <input type="radio" name="roleIndex" value="${arn}" class="saml-radio" id="${arn}">
          <label for="${arn}" class="saml-role-description">${arn.split('/').pop()}</label>
          <span style="clear: both;"></span>
        </div>`,
          )
          .join('')}
      </div>
    </div>`,
  );
  return `
  <div id="container">
    <div id="content">
      <div id="main_error"></div>
      <form id="saml_form" name="saml_form" action="/saml" method="post">
        <input type="hidden" name="RelayState" value="">
        <input type="hidden" name="SAMLResponse" value="PHNhbWxwOlJlc3BvbnNlLz4=">
        <input type="hidden" name="name" value="">
        <input type="hidden" name="portal" value="">
        <p style="font-size: 16px; padding-left: 20px;">Select a role:</p>
        <fieldset>${blocks.join('')}
        </fieldset>
        <br>
        <div class="buttoninput" id="input_signin_button">
          <a id="signin_button" class="css3button" href="#" alt="Continue" value="Continue">Sign In</a>
        </div>
      </form>
    </div>
  </div>`;
}

export const ACCOUNTS: PageAccount[] = [
  {
    label: 'Account: platform-prod (111111111111)',
    roleArns: ['arn:aws:iam::111111111111:role/Admin', 'arn:aws:iam::111111111111:role/ReadOnly'],
  },
  {
    label: 'Account: 222222222222',
    roleArns: [
      'arn:aws:iam::222222222222:role/Deployer',
      'arn:aws:iam::222222222222:role/team/dev/ReadOnly',
    ],
  },
  {
    label: 'Account: billing (333333333333)',
    roleArns: ['arn:aws:iam::333333333333:role/BillingViewer'],
  },
];
