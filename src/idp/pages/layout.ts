import { html, SafeHtml } from './html.ts';

// A constant of this file, never data: safe to insert as markup.
const STYLE = new SafeHtml(`
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d2433; background: #f5f6f8; }
header { background: #243b53; color: #fff; padding: 10px 24px; display: flex; gap: 16px; align-items: center; }
header strong { font-size: 16px; } header .note { opacity: .8; font-size: 13px; }
header form { margin-left: auto; }
main { max-width: 960px; margin: 24px auto; background: #fff; padding: 24px; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.1); }
label { display: block; margin: 10px 0 4px; font-weight: 600; }
input[type=text], input[type=password], textarea { width: 100%; padding: 6px 8px; box-sizing: border-box; font: inherit; }
textarea { font-family: ui-monospace, monospace; font-size: 13px; }
button { margin-top: 14px; padding: 6px 16px; font: inherit; cursor: pointer; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; border-bottom: 1px solid #e3e6ea; padding: 6px 8px; vertical-align: top; }
td code { word-break: break-all; } .error { color: #a61b1b; background: #fdecec; padding: 10px 12px; border-radius: 4px; }
ul.apps { list-style: none; padding: 0; } ul.apps li { margin: 8px 0; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; box-shadow: 0 0 0 4px #fff; }
@media (prefers-reduced-motion: reduce) { *, ::before, ::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; } }
`);

/** What every page of one response shares: its CSP nonce and the session's CSRF token. */
export interface PageFrame {
  nonce: string;
  csrfToken?: string;
}

/** The hidden field that proves a form came from one of the session's own pages. */
export function csrfField(frame: PageFrame): SafeHtml {
  return frame.csrfToken
    ? html`<input type="hidden" name="csrf" value="${frame.csrfToken}" />`
    : html``;
}

/** The frame of every IdP page; the header says plainly that this is a local development IdP. */
export function layout(frame: PageFrame, title: string, body: SafeHtml, user?: string): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · saml-roles local IdP</title>
        <style nonce="${frame.nonce}">
          ${STYLE}
        </style>
      </head>
      <body>
        <header>
          <strong>saml-roles local IdP</strong
          ><span class="note">for development and testing only</span>
          ${
            user
              ? html`<form method="post" action="/logout">
                  ${csrfField(frame)}
                  <span>${user}</span> <button type="submit" data-testid="logout">Sign out</button>
                </form>`
              : ''
          }
        </header>
        <main>${body}</main>
      </body>
    </html>`.value;
}
