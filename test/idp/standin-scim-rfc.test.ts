// RFC 7644's request/response examples and RFC 7643's resource examples, written out from the
// RFC text, answered as the RFCs say. Where IAM Identity Center differs, the test says so and names
// the AWS document it follows ("AWS: ...").
import { describe, expect, it } from 'vitest';
import {
  awsUser,
  ERROR_SCHEMA,
  GROUP_SCHEMA,
  LIST_SCHEMA,
  PATCH_SCHEMA,
  scimServer,
  USER_SCHEMA,
} from './standin-scim-client.ts';

const BJENSEN = '2819c223-7f76-453a-919d-413861904646';
const MANDY = '902c246b-6245-4190-8e05-00816be7344a';
const TOUR_GUIDES = 'e9e30dba-f08f-4109-8486-d5c6a331660a';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** RFC 7644 §3.3's POST /Users body. */
const RFC_7644_CREATE = {
  schemas: [USER_SCHEMA],
  userName: 'bjensen',
  externalId: 'bjensen',
  name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' },
};

/** The §3.3 body with the displayName Identity Center requires (CreateUser constraints). */
const AWS_CREATE = { ...RFC_7644_CREATE, displayName: 'Babs Jensen' };

function withBjensen(ids: string[] = []) {
  const server = scimServer({ ids: [BJENSEN, ...ids] });
  expect(server.send('POST', '/scim/v2/Users', AWS_CREATE).status).toBe(201);
  return server;
}

describe('RFC 7644 §3.3 creating resources', () => {
  it('AWS: the RFC example has no displayName, which CreateUser requires: 400 saying so', () => {
    const answer = scimServer().send('POST', '/scim/v2/Users', RFC_7644_CREATE);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      schemas: [ERROR_SCHEMA],
      status: '400',
      scimType: 'invalidValue',
    });
    expect(answer.json.detail).toContain('displayName is required');
  });

  it('with displayName: 201, Location, the resource with id and meta as the RFC shows', () => {
    const answer = scimServer({ ids: [BJENSEN] }).send('POST', '/scim/v2/Users', AWS_CREATE);
    expect(answer.status).toBe(201);
    expect(answer.headers.location).toBe(`https://example.com/scim/v2/Users/${BJENSEN}`);
    expect(answer.json).toEqual({
      schemas: [USER_SCHEMA],
      id: BJENSEN,
      userName: 'bjensen',
      externalId: 'bjensen',
      name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' },
      displayName: 'Babs Jensen',
      active: true,
      meta: {
        resourceType: 'User',
        created: '2026-01-01T00:10:00.000Z',
        lastModified: '2026-01-01T00:10:00.000Z',
        location: `https://example.com/scim/v2/Users/${BJENSEN}`,
      },
    });
  });

  it('a duplicate userName is 409 with scimType uniqueness, whatever its case', () => {
    const server = withBjensen();
    const answer = server.send('POST', '/scim/v2/Users', { ...AWS_CREATE, userName: 'BJensen' });
    expect(answer.status).toBe(409);
    expect(answer.json).toMatchObject({
      schemas: [ERROR_SCHEMA],
      status: '409',
      scimType: 'uniqueness',
    });
  });
});

describe('RFC 7644 §3.4 retrieving resources', () => {
  it('§3.4.1 GET /Users/{id} returns the user', () => {
    const answer = withBjensen().send('GET', `/scim/v2/Users/${BJENSEN}`);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      id: BJENSEN,
      userName: 'bjensen',
      meta: { resourceType: 'User' },
    });
  });

  it('§3.4.2 a ListResponse: filter=userName eq "bjensen" (operator and name case-insensitive)', () => {
    const server = withBjensen();
    server.send('POST', '/scim/v2/Users', awsUser('jsmith'));
    for (const filter of [
      'userName eq "bjensen"',
      'USERNAME Eq "BJENSEN"',
      `${USER_SCHEMA}:userName eq "bjensen"`,
    ]) {
      const answer = server.send('GET', `/scim/v2/Users?filter=${encodeURIComponent(filter)}`);
      expect(answer.status, filter).toBe(200);
      expect(answer.json).toMatchObject({
        schemas: [LIST_SCHEMA],
        totalResults: 1,
        itemsPerPage: 1,
        startIndex: 1,
      });
      expect(answer.json.Resources.map((r: { id: string }) => r.id)).toEqual([BJENSEN]);
    }
    const all = server.send('GET', '/scim/v2/Users');
    expect(all.json.totalResults).toBe(2);
  });

  it('§3.4.2.2 eq joined by and is answered; AWS: the RFC\'s other filters are 400 invalidFilter ("Limitations from SCIM specification")', () => {
    const server = withBjensen();
    const and = server.send(
      'GET',
      `/scim/v2/Users?filter=${encodeURIComponent('userName eq "bjensen" and externalId eq "bjensen"')}`,
    );
    expect(and.json.totalResults).toBe(1);
    const none = server.send(
      'GET',
      `/scim/v2/Users?filter=${encodeURIComponent('userName eq "bjensen" and externalId eq "other"')}`,
    );
    expect(none.json.totalResults).toBe(0);
    // The RFC's own examples, §3.4.2.2.
    for (const filter of [
      'name.familyName co "O\'Malley"',
      'userName sw "J"',
      'title pr',
      'meta.lastModified gt "2011-05-13T04:42:34Z"',
      'title pr and userType eq "Employee"',
      'title pr or userType eq "Intern"',
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      'emails[type eq "work" and value co "@example.com"]',
    ]) {
      const answer = server.send('GET', `/scim/v2/Users?filter=${encodeURIComponent(filter)}`);
      expect(answer.status, filter).toBe(400);
      expect(answer.json, filter).toMatchObject({
        schemas: [ERROR_SCHEMA],
        scimType: 'invalidFilter',
      });
    }
  });

  it('§3.4.2.4 startIndex=1&count=10 pages; AWS: startIndex is not supported (ListUsers), the first page is answered', () => {
    const server = scimServer();
    for (let i = 0; i < 12; i++) server.send('POST', '/scim/v2/Users', awsUser(`user${i}`));
    const first = server.send('GET', '/scim/v2/Users?startIndex=1&count=10');
    expect(first.json).toMatchObject({ totalResults: 12, itemsPerPage: 10, startIndex: 1 });
    expect(first.json.Resources).toHaveLength(10);
    const later = server.send('GET', '/scim/v2/Users?startIndex=11&count=10');
    expect(later.json).toMatchObject({ totalResults: 12, itemsPerPage: 10, startIndex: 1 });
  });
});

describe('RFC 7644 §3.5.1 replacing with PUT', () => {
  /** §3.5.1's PUT body. */
  const RFC_PUT = {
    schemas: [USER_SCHEMA],
    id: BJENSEN,
    userName: 'bjensen',
    externalId: 'bjensen',
    name: {
      formatted: 'Ms. Barbara J Jensen III',
      familyName: 'Jensen',
      givenName: 'Barbara',
      middleName: 'Jane',
    },
    roles: [],
    emails: [{ value: 'bjensen@example.com' }, { value: 'babs@jensen.org' }],
  };

  it('AWS: the RFC body has two emails and no displayName: 400 (PutUser takes one email)', () => {
    const server = withBjensen();
    const answer = server.send('PUT', `/scim/v2/Users/${BJENSEN}`, RFC_PUT);
    expect(answer.status).toBe(400);
    expect(answer.json.detail).toContain('displayName is required');
    const named = server.send('PUT', `/scim/v2/Users/${BJENSEN}`, {
      ...RFC_PUT,
      displayName: 'Babs',
    });
    expect(named.status).toBe(400);
    expect(named.json.detail).toContain('emails has 2 values');
  });

  it('with one primary email and a displayName: 200 and the replaced user', () => {
    const server = withBjensen();
    const answer = server.send('PUT', `/scim/v2/Users/${BJENSEN}`, {
      ...RFC_PUT,
      displayName: 'Babs Jensen',
      emails: [{ value: 'bjensen@example.com', primary: true }],
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      id: BJENSEN,
      name: { middleName: 'Jane' },
      emails: [{ value: 'bjensen@example.com', primary: true }],
    });
    expect(server.send('GET', `/scim/v2/Users/${BJENSEN}`).json.name.middleName).toBe('Jane');
  });
});

describe('RFC 7644 §3.5.2 PATCH', () => {
  function withTourGuides() {
    const server = withBjensen([MANDY, TOUR_GUIDES]);
    server.send('POST', '/scim/v2/Users', awsUser('mandy'));
    const group = server.send('POST', '/scim/v2/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Tour Guides',
    });
    expect(group.status).toBe(201);
    return server;
  }
  const members = (server: ReturnType<typeof scimServer>) => [
    ...server.store.getGroup(TOUR_GUIDES).members,
  ];

  it("§3.5.2.1 add members (the RFC's body, display and $ref included): AWS answers 204 (PatchGroup example)", () => {
    const server = withTourGuides();
    const answer = server.send('PATCH', `/scim/v2/Groups/${TOUR_GUIDES}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [
        {
          op: 'add',
          path: 'members',
          value: [
            {
              display: 'Babs Jensen',
              $ref: `https://example.com/v2/Users/${BJENSEN}`,
              value: BJENSEN,
            },
          ],
        },
      ],
    });
    expect(answer.status).toBe(204);
    expect(answer.body).toBe('');
    expect(members(server)).toEqual([BJENSEN]);
  });

  it("§3.5.2.1 add without a path: the value's attributes are added (nickname, any case)", () => {
    const server = withBjensen();
    const answer = server.send('PATCH', `/scim/v2/Users/${BJENSEN}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [
        {
          op: 'add',
          value: {
            emails: [{ value: 'babs@jensen.org', type: 'home', primary: true }],
            nickname: 'Babs',
          },
        },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      nickName: 'Babs',
      emails: [{ value: 'babs@jensen.org', type: 'home', primary: true }],
    });
  });

  it('AWS: the RFC\'s email without primary is refused (CreateUser: "The emails attribute value must be marked as primary")', () => {
    const answer = withBjensen().send('PATCH', `/scim/v2/Users/${BJENSEN}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [
        {
          op: 'add',
          value: { emails: [{ value: 'babs@jensen.org', type: 'home' }], nickname: 'Babs' },
        },
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.json.detail).toContain('primary');
  });

  it('§3.5.2.2 remove one member by a value filter', () => {
    const server = withTourGuides();
    server.send('PATCH', `/scim/v2/Groups/${TOUR_GUIDES}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'add', path: 'members', value: [{ value: BJENSEN }, { value: MANDY }] }],
    });
    const answer = server.send('PATCH', `/scim/v2/Groups/${TOUR_GUIDES}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'remove', path: `members[value eq "${BJENSEN}"]` }],
    });
    expect(answer.status).toBe(204);
    expect(members(server)).toEqual([MANDY]);
  });

  it('AWS: §3.5.2.2\'s "remove all members" and its remove-then-add are 400 (PatchGroup: no remove all)', () => {
    const server = withTourGuides();
    server.send('PATCH', `/scim/v2/Groups/${TOUR_GUIDES}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'add', path: 'members', value: [{ value: BJENSEN }] }],
    });
    for (const Operations of [
      [{ op: 'remove', path: 'members' }],
      [
        { op: 'remove', path: 'members' },
        { op: 'add', path: 'members', value: [{ value: MANDY }] },
      ],
    ]) {
      const answer = server.send('PATCH', `/scim/v2/Groups/${TOUR_GUIDES}`, {
        schemas: [PATCH_SCHEMA],
        Operations,
      });
      expect(answer.status).toBe(400);
      expect(answer.json.detail).toContain('removing all members is not supported');
    }
    expect(members(server)).toEqual([BJENSEN]);
  });

  it("AWS: §3.5.2.3's replace of members is 400 (PatchGroup: no replace)", () => {
    const server = withTourGuides();
    const answer = server.send('PATCH', `/scim/v2/Groups/${TOUR_GUIDES}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [
        { op: 'replace', path: 'members', value: [{ display: 'Babs Jensen', value: BJENSEN }] },
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.json.detail).toContain('replacing members is not supported');
  });

  it('§3.5.2.3 replace an address and one of its sub-attributes by a value filter', () => {
    const server = withBjensen();
    server.send('PATCH', `/scim/v2/Users/${BJENSEN}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [
        {
          op: 'add',
          path: 'addresses',
          value: [
            { type: 'work', streetAddress: '100 Universal City Plaza', locality: 'Hollywood' },
          ],
        },
      ],
    });
    const whole = server.send('PATCH', `/scim/v2/Users/${BJENSEN}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [
        {
          op: 'replace',
          path: 'addresses[type eq "work"]',
          value: {
            type: 'work',
            streetAddress: '911 Universal City Plaza',
            locality: 'Hollywood',
            region: 'CA',
            postalCode: '91608',
            country: 'US',
            formatted: '911 Universal City Plaza\nHollywood, CA 91608 US',
            primary: true,
          },
        },
      ],
    });
    expect(whole.status).toBe(200);
    expect(whole.json.addresses).toEqual([
      {
        formatted: '911 Universal City Plaza\nHollywood, CA 91608 US',
        streetAddress: '911 Universal City Plaza',
        locality: 'Hollywood',
        region: 'CA',
        postalCode: '91608',
        country: 'US',
        type: 'work',
        primary: true,
      },
    ]);
    const sub = server.send('PATCH', `/scim/v2/Users/${BJENSEN}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [
        {
          op: 'replace',
          path: 'addresses[type eq "work"].streetAddress',
          value: '1010 Broadway Ave',
        },
      ],
    });
    expect(sub.json.addresses[0].streetAddress).toBe('1010 Broadway Ave');
  });

  it("§3.5.2.3 replace without a path; AWS: the RFC's two emails are 400", () => {
    const server = withBjensen();
    const two = server.send('PATCH', `/scim/v2/Users/${BJENSEN}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [
        {
          op: 'replace',
          value: {
            emails: [
              { value: 'bjensen@example.com', type: 'work', primary: true },
              { value: 'babs@jensen.org', type: 'home' },
            ],
            nickname: 'Babs',
          },
        },
      ],
    });
    expect(two.status).toBe(400);
    expect(server.send('GET', `/scim/v2/Users/${BJENSEN}`).json.nickName).toBeUndefined();
    const one = server.send('PATCH', `/scim/v2/Users/${BJENSEN}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [
        {
          op: 'replace',
          value: {
            emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
            nickname: 'Babs',
          },
        },
      ],
    });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({
      nickName: 'Babs',
      emails: [{ value: 'bjensen@example.com' }],
    });
  });

  it('§3.5.2.2 remove with a filter using ew is 400 invalidFilter (AWS: eq only)', () => {
    const answer = withBjensen().send('PATCH', `/scim/v2/Users/${BJENSEN}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'remove', path: 'emails[type eq "work" and value ew "example.com"]' }],
    });
    expect(answer.status).toBe(400);
    expect(answer.json.scimType).toBe('invalidFilter');
  });
});

describe('RFC 7644 §3.6 DELETE and §3.12 errors', () => {
  it('DELETE is 204; the resource is then 404 with an Error body', () => {
    const server = withBjensen();
    expect(server.send('DELETE', `/scim/v2/Users/${BJENSEN}`).status).toBe(204);
    const gone = server.send('GET', `/scim/v2/Users/${BJENSEN}`);
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual({
      schemas: [ERROR_SCHEMA],
      status: '404',
      detail: `no user with id "${BJENSEN}"`,
    });
  });

  it("§3.12's example: changing the readOnly id is 400 mutability", () => {
    const answer = withBjensen().send('PATCH', `/scim/v2/Users/${BJENSEN}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'replace', path: 'id', value: 'other' }],
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      schemas: [ERROR_SCHEMA],
      scimType: 'mutability',
      status: '400',
    });
  });

  it('§3.12: a body that is not JSON is 400 invalidSyntax', () => {
    const answer = scimServer().send('POST', '/scim/v2/Users', undefined, { raw: '{"schemas": [' });
    expect(answer.status).toBe(400);
    expect(answer.json.scimType).toBe('invalidSyntax');
  });
});

describe('RFC 7643 §8 resource examples', () => {
  it('§8.1 the minimal user; AWS: name and displayName are required (CreateUser constraints)', () => {
    const answer = scimServer().send('POST', '/scim/v2/Users', {
      schemas: [USER_SCHEMA],
      id: BJENSEN,
      userName: 'bjensen@example.com',
      meta: {
        resourceType: 'User',
        created: '2010-01-23T04:56:22Z',
        lastModified: '2011-05-13T04:42:34Z',
        version: 'W/"3694e05e9dff590"',
        location: `https://example.com/v2/Users/${BJENSEN}`,
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.detail).toContain('name.givenName is required');
  });

  /** §8.2's full user, as the RFC prints it (password included). */
  const FULL_USER = {
    schemas: [USER_SCHEMA],
    id: BJENSEN,
    externalId: '701984',
    userName: 'bjensen@example.com',
    name: {
      formatted: 'Ms. Barbara J Jensen, III',
      familyName: 'Jensen',
      givenName: 'Barbara',
      middleName: 'Jane',
      honorificPrefix: 'Ms.',
      honorificSuffix: 'III',
    },
    displayName: 'Babs Jensen',
    nickName: 'Babs',
    profileUrl: 'https://login.example.com/bjensen',
    emails: [
      { value: 'bjensen@example.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home' },
    ],
    addresses: [
      {
        type: 'work',
        streetAddress: '100 Universal City Plaza',
        locality: 'Hollywood',
        region: 'CA',
        postalCode: '91608',
        country: 'USA',
        formatted: '100 Universal City Plaza\nHollywood, CA 91608 USA',
        primary: true,
      },
      {
        type: 'home',
        streetAddress: '456 Hollywood Blvd',
        locality: 'Hollywood',
        region: 'CA',
        postalCode: '91608',
        country: 'USA',
        formatted: '456 Hollywood Blvd\nHollywood, CA 91608 USA',
      },
    ],
    phoneNumbers: [
      { value: '555-555-5555', type: 'work' },
      { value: '555-555-4444', type: 'mobile' },
    ],
    ims: [{ value: 'someaimhandle', type: 'aim' }],
    photos: [
      { value: 'https://photos.example.com/profilephoto/72930000000Ccne/F', type: 'photo' },
      { value: 'https://photos.example.com/profilephoto/72930000000Ccne/T', type: 'thumbnail' },
    ],
    userType: 'Employee',
    title: 'Tour Guide',
    preferredLanguage: 'en-US',
    locale: 'en-US',
    timezone: 'America/Los_Angeles',
    active: true,
    password: 't1meMa$heen',
    groups: [
      {
        value: 'e9e30dba-f08f-4109-8486-d5c6a331660a',
        $ref: 'https://example.com/v2/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a',
        display: 'Tour Guides',
      },
    ],
    x509Certificates: [
      { value: 'MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAwTjELMAkGA1UEBhMCVVMx' },
    ],
  };

  it('§8.2 the full user; AWS: password, ims, photos, x509Certificates and the second values are refused', () => {
    const server = scimServer({ ids: [BJENSEN] });
    const refusals: string[] = [];
    let user: Record<string, unknown> = { ...FULL_USER };
    // Take out what each answer names until the user is accepted: every refusal is one AWS documents.
    for (let tries = 0; tries < 10; tries++) {
      const answer = server.send('POST', '/scim/v2/Users', user);
      if (answer.status === 201) break;
      expect(answer.status).toBe(400);
      refusals.push(answer.json.detail);
      const named = /^(\w+)/.exec(answer.json.detail)![1]!;
      user = Object.fromEntries(
        Object.entries(user).flatMap(([key, value]) =>
          key !== named
            ? [[key, value]]
            : Array.isArray(value) && value.length > 1 && /values/.test(answer.json.detail)
              ? [[key, value.slice(0, 1)]]
              : [],
        ),
      );
    }
    expect(refusals).toEqual([
      'password is not supported by IAM Identity Center (IAM Identity Center user guide, "Supported user and group attributes")',
      'ims is not supported by IAM Identity Center (IAM Identity Center user guide, "Supported user and group attributes")',
      'photos is not supported by IAM Identity Center (IAM Identity Center user guide, "Supported user and group attributes")',
      'x509Certificates is not supported by IAM Identity Center (IAM Identity Center user guide, "Supported user and group attributes")',
      'groups cannot be set on a user (CreateUser): add the user to a group instead',
      'emails has 2 values; IAM Identity Center accepts only one (developer guide, "Limitations from SCIM specification")',
      'phoneNumbers has 2 values; IAM Identity Center accepts only one (developer guide, "Limitations from SCIM specification")',
      'addresses has 2 values; IAM Identity Center accepts only one (developer guide, "Limitations from SCIM specification")',
    ]);
    const stored = server.send('GET', `/scim/v2/Users/${BJENSEN}`).json;
    expect(stored).toMatchObject({
      userName: 'bjensen@example.com',
      nickName: 'Babs',
      title: 'Tour Guide',
      timezone: 'America/Los_Angeles',
    });
  });

  it("§8.3 the enterprise extension is kept; AWS: the manager's displayName is dropped (CreateUser)", () => {
    const answer = scimServer().send('POST', '/scim/v2/Users', {
      ...awsUser('bjensen@example.com'),
      schemas: [USER_SCHEMA, ENTERPRISE],
      [ENTERPRISE]: {
        employeeNumber: '701984',
        costCenter: '4130',
        organization: 'Universal Studios',
        division: 'Theme Park',
        department: 'Tour Operations',
        manager: {
          value: '26118915-6090-4610-87e4-49d8ca9f808d',
          $ref: '../Users/26118915-6090-4610-87e4-49d8ca9f808d',
          displayName: 'John Smith',
        },
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.json.schemas).toEqual([USER_SCHEMA, ENTERPRISE]);
    expect(answer.json[ENTERPRISE]).toEqual({
      employeeNumber: '701984',
      costCenter: '4130',
      organization: 'Universal Studios',
      division: 'Theme Park',
      department: 'Tour Operations',
      manager: { value: '26118915-6090-4610-87e4-49d8ca9f808d' },
    });
  });

  it('§8.4 the group; AWS: members are kept but GetGroup returns an empty list (ListGroups "Not supported"); a members filter finds them', () => {
    const server = withBjensen([MANDY, TOUR_GUIDES]);
    server.send('POST', '/scim/v2/Users', awsUser('mandy'));
    const answer = server.send('POST', '/scim/v2/Groups', {
      schemas: [GROUP_SCHEMA],
      id: TOUR_GUIDES,
      displayName: 'Tour Guides',
      members: [
        { value: BJENSEN, $ref: `https://example.com/v2/Users/${BJENSEN}`, display: 'Babs Jensen' },
        {
          value: MANDY,
          $ref: `https://example.com/v2/Users/${MANDY}`,
          display: 'Mandy Pepperidge',
        },
      ],
    });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      schemas: [GROUP_SCHEMA],
      id: TOUR_GUIDES,
      displayName: 'Tour Guides',
      members: [],
      meta: { resourceType: 'Group' },
    });
    const byMember = server.send(
      'GET',
      `/scim/v2/Groups?filter=${encodeURIComponent(`members eq "${MANDY}"`)}`,
    );
    expect(byMember.json.Resources.map((g: { id: string }) => g.id)).toEqual([TOUR_GUIDES]);
    expect([...server.store.getGroup(TOUR_GUIDES).members]).toEqual([BJENSEN, MANDY]);
  });

  it('§8.5 ServiceProviderConfig: patch and filter supported; bulk, changePassword, sort and etag not; bearer tokens', () => {
    const answer = scimServer().send('GET', '/scim/v2/ServiceProviderConfig');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 100 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [{ type: 'oauthbearertoken', primary: true }],
    });
  });

  it('§8.6 ResourceTypes and §8.7 Schemas: User (with the enterprise extension) and Group', () => {
    const server = scimServer();
    const types = server.send('GET', '/scim/v2/ResourceTypes');
    expect(
      types.json.Resources.map((t: { id: string; endpoint: string; schema: string }) => [
        t.id,
        t.endpoint,
        t.schema,
      ]),
    ).toEqual([
      ['User', '/Users', USER_SCHEMA],
      ['Group', '/Groups', GROUP_SCHEMA],
    ]);
    expect(server.send('GET', '/scim/v2/ResourceTypes/User').json.schemaExtensions).toEqual([
      { schema: ENTERPRISE, required: false },
    ]);
    const userSchema = server.send('GET', `/scim/v2/Schemas/${USER_SCHEMA}`).json;
    const names = userSchema.attributes.map((a: { name: string }) => a.name);
    expect(names).toContain('userName');
    // AWS: the attributes Identity Center does not support are not offered.
    for (const absent of ['password', 'ims', 'photos', 'entitlements', 'x509Certificates'])
      expect(names).not.toContain(absent);
    expect(server.send('GET', '/scim/v2/Schemas').json.totalResults).toBe(3);
  });
});
