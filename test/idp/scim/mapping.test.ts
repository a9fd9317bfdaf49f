import { describe, expect, it } from 'vitest';
import { IdpConfigError, parseConfig } from '../../../src/idp/config.ts';
import { desiredState } from '../../../src/idp/scim/desired-state.ts';
import { defaultUserResource } from '../../../src/idp/scim/user-resource.ts';
import type { IdpUser } from '../../../src/idp/config/types.ts';

function config(scim: string, users = ''): ReturnType<typeof parseConfig> {
  return parseConfig(
    `users:
  - { username: alice, name: Alice Example, email: alice@example.com, password: pw, groups: [sso], photo: "https://example.com/a.png", attributes: { title: Engineer } }
  - { username: bob, name: Bob, email: bob@example.com, password: pw, groups: [other] }
${users}groups:
  - { name: sso }
  - { name: other }
applications:
  - slug: idc
    acsUrl: https://us-east-1.signin.aws.amazon.com/platform/saml/acs/x
    audience: https://us-east-1.signin.aws.amazon.com/platform/saml/d-1
    nameIdFormat: emailAddress
    scim:
      url: https://scim.us-east-1.amazonaws.com/t/scim/v2/
      tokenEnv: SCIM_TOKEN
${scim}`,
    'team.yaml',
  );
}

function problem(scim: string): string {
  try {
    config(scim);
  } catch (error) {
    expect(error).toBeInstanceOf(IdpConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

const user: IdpUser = {
  username: 'alice',
  name: 'Alice van Example',
  email: 'alice@example.com',
  password: 'pw',
  groups: [],
  attributes: {},
  admin: false,
  photo: 'https://example.com/a.png',
};

describe('default SCIM User (authentik’s mapping)', () => {
  it('maps userName, name, displayName, the primary email, active, externalId and photos', () => {
    expect(defaultUserResource(user, 'alice@example.com', 'ext')).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      externalId: 'ext',
      userName: 'alice@example.com',
      name: { formatted: 'Alice van Example', givenName: 'Alice', familyName: 'van Example' },
      displayName: 'Alice van Example',
      emails: [{ value: 'alice@example.com', type: 'work', primary: true }],
      active: true,
      photos: [{ value: 'https://example.com/a.png', type: 'photo' }],
    });
  });

  it('leaves photos, emails and familyName out when the user has none', () => {
    const { photo: _photo, ...plain } = user;
    const resource = defaultUserResource({ ...plain, name: 'Cher', email: '' }, 'cher', 'ext');
    expect(resource).not.toHaveProperty('photos');
    expect(resource).not.toHaveProperty('emails');
    expect(resource.name).toEqual({ formatted: 'Cher', givenName: 'Cher' });
  });
});

describe('desired state of an application', () => {
  it('userName is the NameID the application sends, so Identity Center signs that user in', () => {
    const state = desiredState(config(''), config('').applications[0]!);
    expect(state.users.map((u) => [u.username, u.userName, u.externalId])).toEqual([
      ['alice', 'alice@example.com', 'saml-roles:idc:user:alice'],
      ['bob', 'bob@example.com', 'saml-roles:idc:user:bob'],
    ]);
  });

  it('userGroups filters the users and groups picks the groups, with their members', () => {
    const c = config('      userGroups: [sso]\n      groups: [sso, other]\n');
    const state = desiredState(c, c.applications[0]!);
    expect(state.users.map((u) => u.username)).toEqual(['alice']);
    expect(state.groups).toEqual([
      {
        displayName: 'sso',
        externalId: 'saml-roles:idc:group:sso',
        memberUserNames: ['alice@example.com'],
      },
      { displayName: 'other', externalId: 'saml-roles:idc:group:other', memberUserNames: [] },
    ]);
  });

  it('mappings override fields: null removes, an expression sets a value or a sub-attribute', () => {
    const c = config(`      mappings:
        - { name: photos, value: null }
        - { name: title, expression: return user.attributes.title }
        - { name: name.familyName, value: Example-Family }
        - { name: name.formatted, value: null }
`);
    const alice = desiredState(c, c.applications[0]!).users[0]!.resource;
    expect(alice).not.toHaveProperty('photos');
    expect(alice.title).toBe('Engineer');
    expect(alice.name).toEqual({ givenName: 'Alice', familyName: 'Example-Family' });
  });

  it('an expression may return objects and lists (emails of one), and a throw names the mapping and user', () => {
    const c = config(`      mappings:
        - name: emails
          expression: "return [{ value: user.username + '@corp.example', primary: true }]"
`);
    expect(desiredState(c, c.applications[0]!).users[0]!.resource.emails).toEqual([
      { value: 'alice@corp.example', primary: true },
    ]);
    // Checked when the config loads, as SAML mappings are: a broken one stops start-up.
    expect(() =>
      config('      mappings:\n        - { name: title, expression: "return nope" }\n'),
    ).toThrow(
      'team.yaml: application idc, scim mapping title: expression threw: nope is not defined (user alice)',
    );
  });

  it('two users mapped to one userName is an error naming both, when the config loads', () => {
    expect(() => config('      mappings:\n        - { name: userName, value: same }\n')).toThrow(
      'team.yaml: application idc, scim: users alice and bob both get userName "same"',
    );
  });
});

describe('bad scim blocks name the file, the entry and the problem', () => {
  it('no token source', () => {
    expect(() =>
      parseConfig(
        'users: [{ username: a, password: pw }]\napplications:\n  - slug: idc\n    acsUrl: https://signin.aws.amazon.com/saml\n    audience: urn:amazon:webservices\n    scim: { url: "https://scim.example.com/scim/v2" }\n',
        'team.yaml',
      ),
    ).toThrow(
      'team.yaml: applications[0] (idc) scim: give exactly one of "tokenEnv" (an environment variable) or "tokenFile" (a file holding the token); the token itself never goes in the config',
    );
  });

  it.each([
    [
      'tokenEnv and tokenFile',
      '      tokenFile: ./token\n',
      'team.yaml: applications[0] (idc) scim: give exactly one of "tokenEnv" (an environment variable) or "tokenFile" (a file holding the token); the token itself never goes in the config',
    ],
    [
      'an unknown key (the token itself)',
      '      token: abc\n',
      'team.yaml: applications[0] (idc) scim: unknown key "token" (allowed: url, tokenEnv, tokenFile, userGroups, groups, mappings)',
    ],
    [
      'a reserved attribute',
      '      mappings:\n        - { name: externalId, value: x }\n',
      'team.yaml: applications[0] (idc) scim mappings[0] (externalId): "externalId" is set by the sync itself (externalId marks the users this IdP provisioned, active is how removed users are deactivated) and cannot be mapped',
    ],
    [
      'neither value nor expression',
      '      mappings:\n        - { name: photos }\n',
      'team.yaml: applications[0] (idc) scim mappings[0] (photos): give exactly one of "value" (null removes the attribute) or "expression"',
    ],
    [
      'a path too deep',
      '      mappings:\n        - { name: a.b.c, value: x }\n',
      'team.yaml: applications[0] (idc) scim mappings[0] (a.b.c): "a.b.c" is not a SCIM attribute: give an attribute (photos), one sub-attribute (name.familyName) or an extension URN',
    ],
    [
      'an undefined group',
      '      groups: [nobody]\n',
      'team.yaml: applications[0] (idc) scim groups: group "nobody" is not defined under groups',
    ],
  ])('%s', (_name, extra, message) => {
    expect(problem(extra)).toBe(message);
  });

  it('plain http is refused except to this machine (the token would travel in clear)', () => {
    const text = (url: string) =>
      `users: [{ username: a, password: pw }]\napplications:\n  - slug: idc\n    acsUrl: https://signin.aws.amazon.com/saml\n    audience: urn:amazon:webservices\n    scim: { url: "${url}", tokenEnv: T }\n`;
    expect(() => parseConfig(text('http://scim.example.com/scim/v2'), 'team.yaml')).toThrow(
      'team.yaml: applications[0] (idc) scim: the SCIM URL must be https (plain http only to 127.0.0.1, ::1 or localhost), found http://scim.example.com',
    );
    expect(() => parseConfig(text('https://u:p@scim.example.com/scim/v2'), 'team.yaml')).toThrow(
      /must not carry a user name or password/,
    );
    expect(
      parseConfig(text('http://127.0.0.1:9/scim/v2/'), 'team.yaml').applications[0]!.scim!.url,
    ).toBe('http://127.0.0.1:9/scim/v2');
  });

  it('a photo must be an http(s) URL', () => {
    expect(() =>
      parseConfig(
        'users: [{ username: a, password: pw, photo: "javascript:alert(1)" }]\napplications: []\n',
        'team.yaml',
      ),
    ).toThrow(
      'team.yaml: users[0] (a): "photo" must be an http(s) URL of an image, found "javascript:alert(1)"',
    );
  });
});
