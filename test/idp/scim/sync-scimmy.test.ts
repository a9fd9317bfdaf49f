import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig, type IdpConfig } from '../../../src/idp/config.ts';
import { ScimServerError } from '../../../src/idp/scim/errors.ts';
import { syncApplication } from '../../../src/idp/scim/sync-application.ts';
import type { FetchLike } from '../../../src/core/credentials.ts';
import { startScimmyServer, type ScimmyServer } from './scimmy-server.ts';

const plainFetch: FetchLike = (url, init) => fetch(url, init);

interface TestUser {
  username: string;
  name: string;
  groups: string[];
  photo?: string;
}

const TEAM: TestUser[] = [
  {
    username: 'alice',
    name: 'Alice Example',
    groups: ['sso-users', 'admins'],
    photo: 'https://example.com/alice.png',
  },
  { username: 'bob', name: 'Bob Builder', groups: ['sso-users'] },
  { username: 'carol', name: 'Carol Analyst', groups: ['sso-users'] },
];

function configFor(server: ScimmyServer, users: TestUser[], scimExtra = ''): IdpConfig {
  const userLines = users
    .map(
      (u) =>
        `  - { username: ${u.username}, name: ${u.name}, email: ${u.username}@example.com, password: pw, groups: [${u.groups.join(', ')}]${u.photo ? `, photo: "${u.photo}"` : ''} }`,
    )
    .join('\n');
  return parseConfig(
    `users:
${userLines}
groups:
  - { name: sso-users }
  - { name: admins }
applications:
  - slug: idc
    acsUrl: https://us-east-1.signin.aws.amazon.com/platform/saml/acs/x
    audience: https://us-east-1.signin.aws.amazon.com/platform/saml/d-1
    nameIdFormat: emailAddress
    groups: [sso-users, admins]
    scim:
      url: ${server.url}
      tokenEnv: SCIM_TOKEN
${scimExtra}`,
    'team.yaml',
  );
}

const NO_PHOTOS = `      mappings:
        - { name: photos, value: null }
`;

describe('scim-sync against an independent SCIM server (scimmy)', () => {
  let server: ScimmyServer;
  let printed: string[];
  beforeEach(async () => {
    server = await startScimmyServer();
    printed = [];
  });
  afterEach(() => server.close());

  const sync = (config: IdpConfig, dryRun = false) =>
    syncApplication(config, config.applications[0]!, {
      fetch: plainFetch,
      env: { SCIM_TOKEN: server.token },
      dryRun,
      print: (text) => printed.push(text),
    });

  it('provisions every user and group with their members, and a second run writes nothing', async () => {
    const config = configFor(server, TEAM);
    const first = await sync(config);
    expect(first.users).toEqual({ created: 3, updated: 0, deactivated: 0, unchanged: 0 });
    expect(first.groups).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(first.members).toEqual({ added: 4, removed: 0 });
    const alice = [...server.users.values()].find((u) => u.userName === 'alice@example.com')!;
    expect(alice).toMatchObject({
      externalId: 'saml-roles:idc:user:alice',
      name: { givenName: 'Alice', familyName: 'Example', formatted: 'Alice Example' },
      displayName: 'Alice Example',
      emails: [{ value: 'alice@example.com', type: 'work', primary: true }],
      active: true,
      photos: [{ value: 'https://example.com/alice.png', type: 'photo' }],
    });
    const admins = [...server.groups.values()].find((g) => g.displayName === 'admins')!;
    expect(admins.members).toEqual([{ value: alice.id }]);
    server.takeWrites();

    const second = await sync(configFor(server, TEAM));
    expect(server.takeWrites()).toEqual([]);
    expect(second.writes).toBe(0);
    expect(second.users).toEqual({ created: 0, updated: 0, deactivated: 0, unchanged: 3 });
    expect(second.groups).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it('sends the bearer token on every request and never prints it', async () => {
    await sync(configFor(server, TEAM));
    expect(server.log.length).toBeGreaterThan(0);
    expect(server.log.every((r) => r.authorization === `Bearer ${server.token}`)).toBe(true);
    await sync(
      configFor(server, [...TEAM, { username: 'dave', name: 'Dave Gov', groups: ['admins'] }]),
      true,
    );
    expect(printed.join('\n')).not.toContain(server.token);
  });

  it('deactivates a user removed from the config (PATCH active=false), and re-adding reactivates them', async () => {
    await sync(configFor(server, TEAM));
    server.takeWrites();
    const removed = await sync(
      configFor(
        server,
        TEAM.filter((u) => u.username !== 'carol'),
      ),
    );
    const writes = server.takeWrites();
    expect(removed.users.deactivated).toBe(1);
    const carol = [...server.users.values()].find((u) => u.userName === 'carol@example.com')!;
    expect(carol.active).toBe(false);
    expect(writes).toContainEqual(
      expect.objectContaining({
        method: 'PATCH',
        path: `/scim/v2/Users/${String(carol.id)}`,
        body: {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'replace', path: 'active', value: false }],
        },
      }),
    );
    expect(writes.some((w) => w.method === 'DELETE')).toBe(false);
    // Deactivated stays deactivated: the next run writes nothing.
    await sync(
      configFor(
        server,
        TEAM.filter((u) => u.username !== 'carol'),
      ),
    );
    expect(server.takeWrites()).toEqual([]);
    const back = await sync(configFor(server, TEAM));
    expect(back.users.updated).toBe(1);
    expect(server.users.get(String(carol.id))!.active).toBe(true);
  });

  it('never touches users and groups it did not provision', async () => {
    server.users.set('s1', {
      schemas: [],
      id: 's1',
      userName: 'stranger@example.com',
      active: true,
    });
    server.users.set('s2', {
      schemas: [],
      id: 's2',
      userName: 'bob@example.com',
      externalId: 'other-idp:bob',
      active: true,
    });
    server.groups.set('g0', {
      schemas: [],
      id: 'g0',
      displayName: 'admins',
      members: [{ value: 's1' }],
    });
    const summary = await sync(configFor(server, TEAM));
    expect(summary.leftAlone).toEqual([
      'user "bob@example.com" exists on the server but was not provisioned by this IdP (externalId "other-idp:bob"): left alone',
      'group "admins" exists on the server but was not provisioned by this IdP (no externalId): left alone',
    ]);
    expect(server.users.get('s1')!.active).toBe(true);
    expect(server.users.get('s2')).toEqual({
      schemas: [],
      id: 's2',
      userName: 'bob@example.com',
      externalId: 'other-idp:bob',
      active: true,
    });
    expect(server.groups.get('g0')!.members).toEqual([{ value: 's1' }]);
  });

  it('moves members with add and remove operations, never a replace, and leaves members it did not add', async () => {
    await sync(configFor(server, TEAM));
    const ssoUsers = [...server.groups.values()].find((g) => g.displayName === 'sso-users')!;
    // Someone added on the server by hand stays a member.
    server.users.set('hand', {
      schemas: [],
      id: 'hand',
      userName: 'hand@example.com',
      active: true,
    });
    ssoUsers.members = [...(ssoUsers.members as object[]), { value: 'hand' }];
    server.takeWrites();
    const moved = TEAM.map((u) => (u.username === 'bob' ? { ...u, groups: ['admins'] } : u));
    const summary = await sync(configFor(server, moved));
    expect(summary.members).toEqual({ added: 1, removed: 1 });
    const patches = server.takeWrites().filter((w) => w.path.startsWith('/scim/v2/Groups/'));
    const operations = patches.flatMap(
      (p) => (p.body as { Operations: { op: string; path: string }[] }).Operations,
    );
    const bob = [...server.users.values()].find((u) => u.userName === 'bob@example.com')!;
    expect(operations).toContainEqual({ op: 'add', path: 'members', value: [{ value: bob.id }] });
    expect(operations).toContainEqual({
      op: 'remove',
      path: `members[value eq "${String(bob.id)}"]`,
    });
    expect(operations.some((o) => o.op === 'replace')).toBe(false);
    const members = (server.groups.get(String(ssoUsers.id))!.members as { value: string }[]).map(
      (m) => m.value,
    );
    expect(members).toContain('hand');
    expect(members).not.toContain(bob.id);
  });

  it('updates a changed user with a PUT of the resource, and a null mapping removes photos', async () => {
    await sync(configFor(server, TEAM));
    server.takeWrites();
    const summary = await sync(configFor(server, TEAM, NO_PHOTOS));
    expect(summary.users).toEqual({ created: 0, updated: 1, deactivated: 0, unchanged: 2 });
    const [put] = server.takeWrites();
    expect(put).toMatchObject({ method: 'PUT' });
    expect(put!.body).not.toHaveProperty('photos');
    const alice = [...server.users.values()].find((u) => u.userName === 'alice@example.com')!;
    expect(alice.photos).toBeUndefined();
  });

  it('dry-run prints the writes it would send, redacted, and sends none', async () => {
    const summary = await sync(configFor(server, TEAM), true);
    expect(server.takeWrites()).toEqual([]);
    expect(summary.users.created).toBe(3);
    expect(printed[0]).toBe(
      [
        `POST ${server.url}/Users`,
        '  authorization: Bearer <redacted>',
        '  content-type: application/scim+json',
        `  ${JSON.stringify({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          externalId: 'saml-roles:idc:user:alice',
          userName: 'alice@example.com',
          name: { formatted: 'Alice Example', givenName: 'Alice', familyName: 'Example' },
          displayName: 'Alice Example',
          emails: [{ value: 'alice@example.com', type: 'work', primary: true }],
          active: true,
          photos: [{ value: 'https://example.com/alice.png', type: 'photo' }],
        })}`,
      ].join('\n'),
    );
    expect(printed.some((p) => p.includes('"value":"<id of new user alice@example.com>"'))).toBe(
      true,
    );
  });
});

describe('refusals from a server that forbids photos, as Identity Center does', () => {
  let server: ScimmyServer;
  beforeEach(async () => {
    server = await startScimmyServer({ refusePhotos: true });
  });
  afterEach(() => server.close());

  it('fails on photos with the detail and what to change, then succeeds with the override', async () => {
    const options = { fetch: plainFetch, env: { SCIM_TOKEN: server.token } };
    const failing = configFor(server, TEAM);
    const error = await syncApplication(failing, failing.applications[0]!, options).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ScimServerError);
    expect((error as Error).message).toBe(
      'POST /Users was refused (400 invalidValue): Request is unparsable: attribute photos is not supported\n  → photos is not supported by IAM Identity Center: add a mapping that removes it (scim: mappings: - { name: photos, value: null })',
    );
    const fixed = configFor(server, TEAM, NO_PHOTOS);
    const summary = await syncApplication(fixed, fixed.applications[0]!, options);
    expect(summary.users.created).toBe(3);
  });

  it('a refused token is a 401 with advice, not a crash', async () => {
    const config = configFor(server, TEAM, NO_PHOTOS);
    const error = await syncApplication(config, config.applications[0]!, {
      fetch: plainFetch,
      env: { SCIM_TOKEN: 'wrong' },
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^GET \/Users was refused \(401\): bad token\n {2}→ the token was refused/,
    );
  });
});
