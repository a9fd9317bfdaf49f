// GET /scim: who has been provisioned, for a person checking a sync. Every value is escaped by
// `html`; the page runs no script (the stand-in's CSP says so).
import { html } from '../../pages/html.ts';
import { standInPage } from '../pages.ts';
import { htmlResponse, type StandInRoute } from '../types.ts';
import type { JsonObject } from './attribute-path.ts';
import type { ScimStore } from './scim-store.ts';

function email(data: JsonObject): string {
  const first = (data.emails as JsonObject[] | undefined)?.[0];
  return typeof first?.value === 'string' ? first.value : '';
}

export function provisionedPage(store: ScimStore): string {
  const users = [...store.users.values()];
  const groups = [...store.groups.values()];
  const userName = (id: string) => (store.users.get(id)?.data.userName as string | undefined) ?? id;
  return standInPage(
    'Provisioned users and groups',
    html`<h1>Provisioned users and groups</h1>
      <p>
        What SCIM clients have provisioned at /scim/v2, as IAM Identity Center would hold it. Held
        in memory: gone when the stand-in stops.
      </p>
      <h2>Users (${users.length})</h2>
      ${
        users.length
          ? html`<table data-testid="scim-users">
              <thead>
                <tr>
                  <th scope="col">userName</th>
                  <th scope="col">displayName</th>
                  <th scope="col">email</th>
                  <th scope="col">active</th>
                  <th scope="col">externalId</th>
                  <th scope="col">id</th>
                </tr>
              </thead>
              <tbody>
                ${users.map(
                  (user) =>
                    html`<tr>
                      <td>${user.data.userName as string}</td>
                      <td>${(user.data.displayName as string | undefined) ?? ''}</td>
                      <td>${email(user.data)}</td>
                      <td>
                        ${user.data.active === false ? 'no (deactivated: sign-in refused)' : 'yes'}
                      </td>
                      <td>${(user.data.externalId as string | undefined) ?? ''}</td>
                      <td><code>${user.id}</code></td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>None yet.</p>`
      }
      <h2>Groups (${groups.length})</h2>
      ${
        groups.length
          ? html`<table data-testid="scim-groups">
              <thead>
                <tr>
                  <th scope="col">displayName</th>
                  <th scope="col">members</th>
                  <th scope="col">externalId</th>
                  <th scope="col">id</th>
                </tr>
              </thead>
              <tbody>
                ${groups.map(
                  (group) =>
                    html`<tr>
                      <td>${group.displayName}</td>
                      <td>${[...group.members].map(userName).join(', ')}</td>
                      <td>${group.externalId ?? ''}</td>
                      <td><code>${group.id}</code></td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>None yet.</p>`
      }`,
  );
}

export function scimPageRoutes(store: ScimStore): StandInRoute[] {
  return [
    { method: 'GET', path: /^\/scim\/?$/, handle: () => htmlResponse(200, provisionedPage(store)) },
  ];
}
