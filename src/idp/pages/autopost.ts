import { html } from './html.ts';

/**
 * The HTTP-POST binding: a form that submits itself to the ACS URL, with a button for browsers
 * that run no script.
 */
export function autoPostPage(props: {
  nonce: string;
  acsUrl: string;
  samlResponse: string;
  relayState?: string;
}): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Signing in…</title>
      </head>
      <body>
        <form method="post" action="${props.acsUrl}" id="saml-post">
          <input type="hidden" name="SAMLResponse" value="${props.samlResponse}" />
          ${props.relayState !== undefined ? html`<input type="hidden" name="RelayState" value="${props.relayState}" />` : ''}
          <noscript
            ><p>Script is off: press Continue to send the SAML response.</p>
            <button type="submit">Continue</button></noscript
          >
        </form>
        <script nonce="${props.nonce}">
          document.getElementById('saml-post').submit();
        </script>
      </body>
    </html>`.value;
}
