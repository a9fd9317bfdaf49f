import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/idp/config.ts';
import { startIdp, type RunningIdp } from '../../../src/idp/server.ts';
import { Browser } from '../helpers.ts';
import { startScimmyServer, type ScimmyServer } from './scimmy-server.ts';

function config(server: ScimmyServer, photosRemoved: boolean) {
  return parseConfig(
    `users:
  - { username: alice, name: Alice Example, email: alice@example.com, password: pw, groups: [admins], photo: "https://example.com/a.png" }
  - { username: bob, name: Bob Builder, email: bob@example.com, password: pw, groups: [sso] }
groups:
  - { name: admins }
  - { name: sso }
applications:
  - slug: idc
    label: Identity Center
    acsUrl: https://us-east-1.signin.aws.amazon.com/platform/saml/acs/x
    audience: https://us-east-1.signin.aws.amazon.com/platform/saml/d-1
    nameIdFormat: emailAddress
    scim:
      url: ${server.url}
      tokenEnv: IDC_TOKEN
${photosRemoved ? '      mappings: [{ name: photos, value: null }]\n' : ''}`,
    'idp.yaml',
  );
}

describe('the running IdP provisions over SCIM', () => {
  let server: ScimmyServer;
  let idp: RunningIdp;
  const logged: string[] = [];
  afterEach(async () => {
    await idp.close();
    await server.close();
    logged.length = 0;
  });

  async function start(refusePhotos: boolean, photosRemoved: boolean) {
    server = await startScimmyServer({ refusePhotos });
    idp = await startIdp({
      config: config(server, photosRemoved),
      env: { IDC_TOKEN: server.token },
      scimLog: (line) => void logged.push(line),
      warn: () => undefined,
    });
  }

  it('syncs on start, shows the outcome to admins, and "Sync now" syncs again through the CSRF-checked form', async () => {
    await start(false, false);
    await idp.scimStartup;
    expect(logged[0]).toBe('idc: users created 2, updated 0, deactivated 0, unchanged 0');
    expect(server.users.size).toBe(2);
    const admin = new Browser(idp.url);
    await admin.login('alice', 'pw');
    const apps = await (await admin.get('/apps')).text();
    expect(apps).toContain('href="/applications/idc/scim"');
    const page = await (await admin.get('/applications/idc/scim')).text();
    expect(page).toContain('idc: users created 2, updated 0, deactivated 0, unchanged 0');
    expect(page).not.toContain(server.token);
    server.takeWrites();
    const synced = await admin.post('/applications/idc/scim/sync', {});
    expect(synced.status).toBe(200);
    expect(await synced.text()).toContain(
      'idc: users created 0, updated 0, deactivated 0, unchanged 2',
    );
    expect(server.takeWrites()).toEqual([]);

    const forged = await admin.post('/applications/idc/scim/sync', { csrf: 'not-the-token' });
    expect(forged.status).toBe(403);
    const user = new Browser(idp.url);
    await user.login('bob', 'pw');
    expect((await user.get('/applications/idc/scim')).status).toBe(403);
    expect((await user.post('/applications/idc/scim/sync', {})).status).toBe(403);
    expect((await admin.get('/applications/nope/scim')).status).toBe(404);
  });

  it('a refused sync is shown with its advice, and the IdP goes on serving', async () => {
    await start(true, false);
    await idp.scimStartup;
    expect(logged).toEqual([
      'idc: not synced: POST /Users was refused (400 invalidValue): Request is unparsable: attribute photos is not supported',
      '  → photos is not supported by IAM Identity Center: add a mapping that removes it (scim: mappings: - { name: photos, value: null })',
    ]);
    const admin = new Browser(idp.url);
    expect((await admin.login('alice', 'pw')).status).toBe(303);
    const synced = await admin.post('/applications/idc/scim/sync', {});
    expect(synced.status).toBe(502);
    const text = await synced.text();
    expect(text).toContain(
      'photos is not supported by IAM Identity Center: add a mapping that removes it',
    );
    expect(text).toContain('role="alert"');
  });

  it('a missing token or an unreachable server is a logged outcome, not a failed start', async () => {
    server = await startScimmyServer();
    const url = server.url;
    await server.close(); // nothing listens there any more
    server = await startScimmyServer(); // for afterEach
    const app = (slug: string, env: string) =>
      `  - slug: ${slug}\n    acsUrl: https://signin.aws.amazon.com/saml\n    audience: urn:amazon:webservices\n    scim: { url: "${url}", tokenEnv: ${env} }\n`;
    idp = await startIdp({
      config: parseConfig(
        `users: [{ username: a, password: pw }]\napplications:\n${app('idc', 'IDC_TOKEN')}${app('idc2', 'UNSET')}`,
        'idp.yaml',
      ),
      env: { IDC_TOKEN: 't' },
      scimLog: (line) => void logged.push(line),
      warn: () => undefined,
    });
    await idp.scimStartup;
    expect(logged[0]).toMatch(
      /^idc: not synced: GET http:\/\/127\.0\.0\.1:\d+\/scim\/v2\/Users: fetch failed \(ECONNREFUSED\)$/,
    );
    expect(logged[1]).toBe(
      'idc2: not synced: no SCIM token: the environment variable UNSET is not set (or empty)',
    );
    expect((await fetch(`${idp.url}/login`)).status).toBe(200);
  });
});
