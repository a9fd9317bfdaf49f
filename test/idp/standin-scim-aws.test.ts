// What IAM Identity Center's SCIM refuses or changes, as AWS documents it, and the stand-in's own
// bounds: the bearer token, body size, paging and the store's caps.
import { describe, expect, it } from 'vitest';
import { bearerMatches } from '../../src/idp/standin/scim/bearer-token.ts';
import { SCIM_MAX_BODY_BYTES } from '../../src/idp/standin/scim/scim-routes.ts';
import {
  awsUser,
  ERROR_SCHEMA,
  GROUP_SCHEMA,
  PATCH_SCHEMA,
  scimServer,
  TOKEN,
  USER_SCHEMA,
} from './standin-scim-client.ts';

const group = (displayName: string, members: string[] = []) => ({
  schemas: [GROUP_SCHEMA],
  displayName,
  members: members.map((value) => ({ value, display: `user ${value}` })),
});
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_SCHEMA], Operations });

describe('the bearer token', () => {
  it('is required: none, another, another scheme or a prefix of it is 401 with WWW-Authenticate', () => {
    const server = scimServer();
    for (const token of [null, 'wrong', `${TOKEN}x`, TOKEN.slice(0, -1), '']) {
      const answer = server.send('GET', '/scim/v2/Users', undefined, { token });
      expect(answer.status, String(token)).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Bearer');
      expect(answer.json).toMatchObject({ schemas: [ERROR_SCHEMA], status: '401' });
    }
    const basic = server.handle({
      method: 'GET',
      path: '/scim/v2/Users',
      query: new URLSearchParams(),
      host: 'example.com',
      scheme: 'https',
      body: '',
      authorization: `Basic ${TOKEN}`,
    });
    expect(basic.status).toBe(401);
    expect(server.send('GET', '/scim/v2/Users').status).toBe(200);
  });

  it('is checked before anything is read or created, on every endpoint', () => {
    const server = scimServer();
    expect(server.send('POST', '/scim/v2/Users', awsUser('a'), { token: 'wrong' }).status).toBe(
      401,
    );
    expect(server.send('GET', '/scim/v2/Bulk', undefined, { token: null }).status).toBe(401);
    expect(
      server.send('GET', '/scim/v2/ServiceProviderConfig', undefined, { token: null }).status,
    ).toBe(401);
    expect(server.store.users.size).toBe(0);
  });

  it('is never echoed in an answer', () => {
    const server = scimServer();
    const answers = [
      server.send('GET', '/scim/v2/Users', undefined, { token: 'wrong' }),
      server.send('POST', '/scim/v2/Users', awsUser('a')),
      server.send('GET', '/scim/v2/Nope'),
    ];
    for (const answer of answers) expect(answer.body).not.toContain(TOKEN);
  });

  it('bearerMatches: scheme case-insensitive, nothing else', () => {
    expect(bearerMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`Bearer  ${TOKEN} `, TOKEN)).toBe(true);
    expect(bearerMatches(undefined, TOKEN)).toBe(false);
    expect(bearerMatches('Bearer ', '')).toBe(false);
    expect(bearerMatches(`Bearer ${TOKEN}${TOKEN}`, TOKEN)).toBe(false);
  });
});

describe('users: what the user guide and CreateUser refuse', () => {
  it.each(['photos', 'ims', 'entitlements', 'x509Certificates', 'password'])(
    '%s is 400 naming it and the guide',
    (attribute) => {
      const value = attribute === 'password' ? 'secret' : [{ value: 'x' }];
      const answer = scimServer().send(
        'POST',
        '/scim/v2/Users',
        awsUser('a', { [attribute]: value }),
      );
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({
        schemas: [ERROR_SCHEMA],
        status: '400',
        scimType: 'invalidValue',
      });
      expect(answer.json.detail).toBe(
        `${attribute} is not supported by IAM Identity Center (IAM Identity Center user guide, "Supported user and group attributes")`,
      );
    },
  );

  it('refuses photos however the client spells it (attribute names are case-insensitive)', () => {
    expect(
      scimServer().send(
        'POST',
        '/scim/v2/Users',
        awsUser('a', { Photos: [{ value: 'https://x/p.png' }] }),
      ).status,
    ).toBe(400);
  });

  it.each([
    ['emails', [{ value: 'a@x', primary: true }, { value: 'b@x' }]],
    ['phoneNumbers', [{ value: '1' }, { value: '2' }]],
    ['addresses', [{ locality: 'A' }, { locality: 'B' }]],
  ])('more than one value of %s is 400', (attribute, values) => {
    const answer = scimServer().send(
      'POST',
      '/scim/v2/Users',
      awsUser('a', { [attribute]: values }),
    );
    expect(answer.status).toBe(400);
    expect(answer.json.detail).toContain(
      `${attribute} has 2 values; IAM Identity Center accepts only one`,
    );
  });

  it.each([
    ['userName', (u: Record<string, unknown>) => ({ ...u, userName: undefined })],
    ['userName', (u: Record<string, unknown>) => ({ ...u, userName: '  ' })],
    ['name.givenName', (u: Record<string, unknown>) => ({ ...u, name: { familyName: 'J' } })],
    ['name.familyName', (u: Record<string, unknown>) => ({ ...u, name: { givenName: 'B' } })],
    ['displayName', (u: Record<string, unknown>) => ({ ...u, displayName: undefined })],
  ])('a missing %s is 400', (attribute, edit) => {
    const answer = scimServer().send('POST', '/scim/v2/Users', edit(awsUser('a')));
    expect(answer.status).toBe(400);
    expect(answer.json.detail).toContain(`${attribute} is required`);
  });

  it('drops display sub-attributes (and attributes it does not know) and keeps the rest', () => {
    const answer = scimServer().send(
      'POST',
      '/scim/v2/Users',
      awsUser('a', {
        emails: [{ value: 'a@x', type: 'work', primary: true, display: 'A at X' }],
        phoneNumbers: [{ value: '+1 555', type: 'work', display: 'work phone' }],
        favouriteColour: 'blue',
      }),
    );
    expect(answer.status).toBe(201);
    expect(answer.json.emails).toEqual([{ value: 'a@x', type: 'work', primary: true }]);
    expect(answer.json.phoneNumbers).toEqual([{ value: '+1 555', type: 'work' }]);
    expect(answer.json.favouriteColour).toBeUndefined();
  });

  it('refuses wrong types with the attribute named', () => {
    const server = scimServer();
    expect(server.send('POST', '/scim/v2/Users', awsUser('a', { active: 'yes' })).json.detail).toBe(
      'active must be true or false',
    );
    expect(server.send('POST', '/scim/v2/Users', awsUser('a', { title: 7 })).json.detail).toBe(
      'title must be a string',
    );
    expect(server.send('POST', '/scim/v2/Users', awsUser('a'.repeat(129))).json.detail).toBe(
      'userName is longer than 128 characters',
    );
    expect(
      server.send('POST', '/scim/v2/Users', { ...awsUser('a'), schemas: [] }).json.detail,
    ).toBe(`schemas must list "${USER_SCHEMA}"`);
    expect(server.send('POST', '/scim/v2/Users', [1, 2]).json.detail).toBe(
      'the request body must be a JSON object',
    );
  });

  it('a duplicate userName is 409, on create and on PUT to another user', () => {
    const server = scimServer({ ids: ['u1', 'u2'] });
    server.send('POST', '/scim/v2/Users', awsUser('alice'));
    server.send('POST', '/scim/v2/Users', awsUser('bob'));
    expect(server.send('POST', '/scim/v2/Users', awsUser('ALICE')).status).toBe(409);
    expect(server.send('PUT', '/scim/v2/Users/u2', awsUser('alice')).status).toBe(409);
    expect(server.send('PUT', '/scim/v2/Users/u1', awsUser('Alice')).status).toBe(200);
  });

  it('a PATCH that ends refused changes nothing (all or nothing)', () => {
    const server = scimServer({ ids: ['u1'] });
    server.send('POST', '/scim/v2/Users', awsUser('alice'));
    const answer = server.send(
      'PATCH',
      '/scim/v2/Users/u1',
      patch(
        { op: 'replace', path: 'displayName', value: 'Changed' },
        { op: 'add', path: 'photos', value: [{ value: 'p' }] },
      ),
    );
    expect(answer.status).toBe(400);
    expect(server.store.getUser('u1').data.displayName).toBe('Babs Jensen');
  });

  it('deactivates with PATCH active false, as provisioning clients do', () => {
    const server = scimServer({ ids: ['u1'] });
    server.send('POST', '/scim/v2/Users', awsUser('alice'));
    const answer = server.send(
      'PATCH',
      '/scim/v2/Users/u1',
      patch({ op: 'Replace', path: 'active', value: false }),
    );
    expect(answer.status).toBe(200);
    expect(answer.json.active).toBe(false);
  });

  it('filters users only by what ListUsers documents', () => {
    const server = scimServer();
    const answer = server.send(
      'GET',
      `/scim/v2/Users?filter=${encodeURIComponent('displayName eq "x"')}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.json.detail).toContain('filters users by userName, externalId, id or manager');
  });
});

describe('groups: CreateGroup and PatchGroup', () => {
  function withUsers(n: number) {
    const ids = Array.from({ length: n }, (_, i) => `u${i}`);
    const server = scimServer({ ids: [...ids, 'g1', 'g2'] });
    for (const id of ids) server.send('POST', '/scim/v2/Users', awsUser(id));
    return { server, ids };
  }

  it('displayName is required and unique (409)', () => {
    const { server } = withUsers(0);
    expect(
      server.send('POST', '/scim/v2/Groups', { schemas: [GROUP_SCHEMA] }).json.detail,
    ).toContain('displayName is required');
    expect(server.send('POST', '/scim/v2/Groups', group('Eng')).status).toBe(201);
    expect(server.send('POST', '/scim/v2/Groups', group('eng')).status).toBe(409);
  });

  it('at most 100 members a request; members must be provisioned users', () => {
    const { server, ids } = withUsers(101);
    const tooMany = server.send('POST', '/scim/v2/Groups', group('Eng', ids));
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.detail).toContain(
      'members has 101 entries; IAM Identity Center takes at most 100 a request',
    );
    const unknown = server.send('POST', '/scim/v2/Groups', group('Eng', ['nobody']));
    expect(unknown.json.detail).toBe('members: no user with id "nobody"');
    expect(server.send('POST', '/scim/v2/Groups', group('Eng', ids.slice(0, 100))).status).toBe(
      201,
    );
  });

  it("PatchGroup takes only displayName, members and externalId, and the guide's own example (id repeated)", () => {
    const { server } = withUsers(1);
    server.send('POST', '/scim/v2/Groups', group('Eng'));
    const other = server.send(
      'PATCH',
      '/scim/v2/Groups/g1',
      patch({ op: 'replace', path: 'description', value: 'x' }),
    );
    expect(other.status).toBe(400);
    expect(other.json.detail).toContain('only displayName, members and externalId are allowed');
    const example = server.send(
      'PATCH',
      '/scim/v2/Groups/g1',
      patch({ op: 'replace', value: { id: 'g1', displayName: 'Group Foo New' } }),
    );
    expect(example.status).toBe(204);
    expect(server.store.getGroup('g1').displayName).toBe('Group Foo New');
  });

  it('at most 100 membership changes in one PatchGroup', () => {
    const { server, ids } = withUsers(101);
    server.send('POST', '/scim/v2/Groups', group('Eng'));
    const answer = server.send(
      'PATCH',
      '/scim/v2/Groups/g1',
      patch(
        { op: 'add', path: 'members', value: ids.slice(0, 60).map((value) => ({ value })) },
        { op: 'add', path: 'members', value: ids.slice(60).map((value) => ({ value })) },
      ),
    );
    expect(answer.status).toBe(400);
    expect(answer.json.detail).toContain('101 membership changes; at most 100');
    expect(server.store.getGroup('g1').members.size).toBe(0);
  });

  it('removes members named in value (the form some clients send) but not all of them at once', () => {
    const { server, ids } = withUsers(2);
    server.send('POST', '/scim/v2/Groups', group('Eng', ids));
    expect(
      server.send(
        'PATCH',
        '/scim/v2/Groups/g1',
        patch({ op: 'remove', path: 'members', value: [{ value: 'u0' }] }),
      ).status,
    ).toBe(204);
    expect([...server.store.getGroup('g1').members]).toEqual(['u1']);
  });

  it('PUT on a group is 400 (Identity Center has no PutGroup); deleting a user takes it out of groups', () => {
    const { server, ids } = withUsers(1);
    server.send('POST', '/scim/v2/Groups', group('Eng', ids));
    expect(server.send('PUT', '/scim/v2/Groups/g1', group('Eng')).json.detail).toContain(
      'PUT on a group is not supported',
    );
    expect(server.send('DELETE', '/scim/v2/Users/u0').status).toBe(204);
    expect(server.store.getGroup('g1').members.size).toBe(0);
  });

  it('a members filter with an unknown user is 404 (ListGroups: ResourceNotFoundException)', () => {
    const { server } = withUsers(0);
    expect(
      server.send('GET', `/scim/v2/Groups?filter=${encodeURIComponent('members eq "nobody"')}`)
        .status,
    ).toBe(404);
  });

  it('finds a group by displayName, as a sync does to stay idempotent', () => {
    const { server } = withUsers(0);
    server.send('POST', '/scim/v2/Groups', group('Eng'));
    const answer = server.send(
      'GET',
      `/scim/v2/Groups?filter=${encodeURIComponent('displayName eq "Eng"')}`,
    );
    expect(answer.json.Resources.map((g: { id: string }) => g.id)).toEqual(['g1']);
  });
});

describe('endpoints Identity Center does not have', () => {
  it.each(['/scim/v2/Bulk', '/scim/v2/Me', '/scim/v2/.search', '/scim/v2/Users/.search'])(
    '%s is 404 naming the limitation',
    (path) => {
      for (const method of ['GET', 'POST']) {
        const answer = scimServer().send(method, path, {});
        expect(answer.status).toBe(404);
        expect(answer.json.detail).toContain('is not supported by IAM Identity Center');
      }
    },
  );

  it('unknown paths are 404 and wrong methods 405, as SCIM errors', () => {
    const server = scimServer();
    expect(server.send('GET', '/scim/v2/Nope').status).toBe(404);
    expect(server.send('GET', '/scim/v2/Users/a/b').status).toBe(404);
    expect(server.send('GET', '/scim/v2/Users//').status).toBe(404);
    expect(server.send('GET', '/scim/v2/Users/').status).toBe(200);
    expect(server.send('DELETE', '/scim/v2/Users').status).toBe(405);
    expect(server.send('POST', '/scim/v2/ServiceProviderConfig', {}).status).toBe(405);
  });
});

describe('paging as ListUsers documents it', () => {
  function withUsers(n: number) {
    const server = scimServer();
    for (let i = 0; i < n; i++) server.send('POST', '/scim/v2/Users', awsUser(`user${i}`));
    return server;
  }

  it('answers 100 at most, and count from 1 to 100', () => {
    const server = withUsers(150);
    const page = server.send('GET', '/scim/v2/Users');
    expect(page.json).toMatchObject({ totalResults: 150, itemsPerPage: 100, startIndex: 1 });
    for (const count of ['0', '101', '-1', 'ten', '1.5'])
      expect(server.send('GET', `/scim/v2/Users?count=${count}`).status, count).toBe(400);
    expect(server.send('GET', '/scim/v2/Users?count=7').json.Resources).toHaveLength(7);
  });

  it('pages on with cursor and nextCursor, and refuses a cursor it did not give', () => {
    const server = withUsers(150);
    const first = server.send('GET', '/scim/v2/Users?cursor=');
    expect(first.json.itemsPerPage).toBe(100);
    expect(first.json.totalResults).toBeUndefined();
    const second = server.send('GET', `/scim/v2/Users?cursor=${first.json.nextCursor}`);
    expect(second.json.itemsPerPage).toBe(50);
    expect(second.json.nextCursor).toBeUndefined();
    const names = [...first.json.Resources, ...second.json.Resources].map(
      (u: { userName: string }) => u.userName,
    );
    expect(new Set(names).size).toBe(150);
    expect(server.send('GET', '/scim/v2/Users?cursor=!!').status).toBe(400);
  });
});

describe('bounds', () => {
  it(`a body over ${SCIM_MAX_BODY_BYTES} bytes is 413 before it is parsed`, () => {
    const answer = scimServer().send('POST', '/scim/v2/Users', undefined, {
      raw: JSON.stringify(awsUser('a', { title: 'x'.repeat(SCIM_MAX_BODY_BYTES) })),
    });
    expect(answer.status).toBe(413);
    expect(answer.json.detail).toContain(`larger than ${SCIM_MAX_BODY_BYTES} bytes`);
  });

  it('holds at most its cap of users and groups', () => {
    const server = scimServer({ limits: { maxUsers: 2, maxGroups: 1 } });
    expect(server.send('POST', '/scim/v2/Users', awsUser('a')).status).toBe(201);
    expect(server.send('POST', '/scim/v2/Users', awsUser('b')).status).toBe(201);
    const third = server.send('POST', '/scim/v2/Users', awsUser('c'));
    expect(third.status).toBe(400);
    expect(third.json.detail).toBe('the stand-in holds at most 2 users');
    expect(server.send('POST', '/scim/v2/Groups', group('A')).status).toBe(201);
    expect(server.send('POST', '/scim/v2/Groups', group('B')).json.detail).toBe(
      'the stand-in holds at most 1 groups',
    );
  });

  it('at most 100 operations in one PATCH', () => {
    const server = scimServer({ ids: ['u1'] });
    server.send('POST', '/scim/v2/Users', awsUser('a'));
    const ops = Array.from({ length: 101 }, () => ({ op: 'replace', path: 'title', value: 't' }));
    expect(server.send('PATCH', '/scim/v2/Users/u1', patch(...ops)).json.detail).toBe(
      'more than 100 operations in one request',
    );
  });
});
