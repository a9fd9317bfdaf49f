import { html, type SafeHtml } from '../pages/html.ts';
import { STAND_IN_NAME } from './types.ts';

// The banner and the landmarks are the stand-in's own; what goes in <main> copies AWS's markup.
export function standInPage(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${title} · ${STAND_IN_NAME}</title>
      </head>
      <body>
        <header>
          <p data-testid="stand-in-banner">
            <strong>${STAND_IN_NAME}</strong>: a local test double answering like Amazon Web
            Services sign-in. It is not AWS.
          </p>
        </header>
        <main>${body}</main>
      </body>
    </html>`.value;
}

/** AWS's role-selection page markup: the ids, names and classes scripts and extensions rely on. */
export function roleSelectionPage(props: {
  samlResponse: string;
  relayState: string;
  accounts: { accountId: string; roles: { roleArn: string; roleName: string }[] }[];
  action: string;
}): string {
  return standInPage(
    'Select a role',
    html`<form id="saml_form" name="saml_form" action="${props.action}" method="post">
      <input type="hidden" name="RelayState" value="${props.relayState}" />
      <input type="hidden" name="SAMLResponse" value="${props.samlResponse}" />
      <input type="hidden" name="name" value="" />
      <input type="hidden" name="portal" value="" />
      <p id="saml_form_title">Select a role:</p>
      <fieldset>
        ${props.accounts.map(
          (account, index) =>
            html`<div class="saml-account">
              <div class="saml-account-name">Account: ${account.accountId}</div>
              <hr />
              <div id="${String(index)}" class="saml-account">
                ${account.roles.map(
                  (role) =>
                    html`<div class="saml-role">
                      <input
                        type="radio"
                        name="roleIndex"
                        value="${role.roleArn}"
                        class="saml-radio"
                        id="${role.roleArn}"
                      />
                      <label for="${role.roleArn}" class="saml-role-description"
                        >${role.roleName}</label
                      >
                    </div>`,
                )}
              </div>
            </div>`,
        )}
      </fieldset>
      <div class="buttoninput" id="input_signin_button">
        <button type="submit" id="signin_button" class="css3button">Sign In</button>
      </div>
    </form>`,
  );
}

export function signedInPage(props: {
  assumedRoleArn: string;
  relayState: string;
  sessionDuration: number;
}): string {
  return standInPage(
    'Signed in',
    html`<h1>Signed in</h1>
      <p>
        Assumed role:
        <code id="assumed-role-arn" data-testid="assumed-role-arn">${props.assumedRoleArn}</code>
      </p>
      <p>
        Session duration:
        <span data-testid="session-duration">${String(props.sessionDuration)}</span> seconds
      </p>
      ${props.relayState ? html`<p>RelayState (where AWS would go next): <code data-testid="relay-state">${props.relayState}</code></p>` : ''}`,
  );
}

/** AWS's wording, with the stand-in's precise reason under it so a test or a person sees why. */
export function invalidResponsePage(reason: string): string {
  return standInPage(
    'Error',
    html`<div id="content">
      <h1 id="error-title">
        Your request included an invalid SAML response. To logout, click <a href="/logout">here</a>.
      </h1>
      <p id="stand-in-reason" data-testid="stand-in-reason">Stand-in detail: ${reason}</p>
    </div>`,
  );
}

/**
 * Identity Center's refusal of a user it does not hold. The heading is the stand-in's own words
 * (not a copy of AWS's page); the reason under it says what to change.
 */
export function identityCenterRefusalPage(reason: string): string {
  return standInPage(
    'Error',
    html`<div id="content">
      <h1 id="error-title">
        IAM Identity Center could not sign you in: the user is not in its directory or is disabled.
      </h1>
      <p id="stand-in-reason" data-testid="stand-in-reason">Stand-in detail: ${reason}</p>
    </div>`,
  );
}

/** What the stand-in is, at its root. */
export function homePage(): string {
  return standInPage(
    'Home',
    html`<h1>${STAND_IN_NAME}</h1>
      <p>
        POST /saml answers like the AWS SAML sign-in endpoint; POST / with Action=AssumeRoleWithSAML
        answers like STS. With SCIM on, /scim/v2 answers like IAM Identity Center's SCIM API and
        <a href="/scim">/scim</a> lists who has been provisioned.
      </p>`,
  );
}
