import type { IdpApplication } from '../config/types.ts';
import { html } from './html.ts';
import { layout, type PageFrame } from './layout.ts';

export interface AppsPageProps {
  username: string;
  displayName: string;
  applications: IdpApplication[];
  admin: boolean;
}

/** The user's applications; each link starts IdP-initiated SSO. */
export function appsPage(frame: PageFrame, props: AppsPageProps): string {
  return layout(
    frame,
    'Applications',
    html`<h1>Applications for ${props.displayName}</h1>
      ${props.applications.length === 0 ? html`<p>No application is assigned to your groups.</p>` : ''}
      <ul class="apps">
        ${props.applications.map(
          (app) =>
            html`<li>
              <a
                href="/applications/${encodeURIComponent(app.slug)}/sso"
                data-testid="app-${app.slug}"
                >${app.label}</a
              >
              <small>→ ${app.acsUrl}</small>
              ${
                props.admin
                  ? html` ·
                      <a
                        href="/applications/${encodeURIComponent(app.slug)}/preview?user=${encodeURIComponent(props.username)}"
                        >preview mappings</a
                      >`
                  : ''
              }
              ${
                props.admin && app.scim
                  ? html` ·
                      <a
                        href="/applications/${encodeURIComponent(app.slug)}/scim"
                        data-testid="scim-${app.slug}"
                        >SCIM provisioning</a
                      >`
                  : ''
              }
            </li>`,
        )}
      </ul>
      ${props.admin ? html`<p><a href="/applications/new">Add an application from SP metadata</a> (e.g. IAM Identity Center)</p>` : ''}
      <p>
        <a href="/metadata">IdP metadata</a> (upload it to IAM as the identity provider document)
      </p>`,
    props.username,
  );
}
