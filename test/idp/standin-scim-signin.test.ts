// Identity Center signs in only users it holds: with SCIM on, the stand-in's Identity Center ACS
// takes a response only when its NameID is a provisioned, active userName. And the page that lists
// who is provisioned escapes what clients sent.
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSigningKeys, type SigningKeys } from '../../src/idp/crypto/keystore.ts';
import { buildIdpMetadata } from '../../src/idp/saml/metadata.ts';
import { createStandInHandler } from '../../src/idp/standin/handler.ts';
import type { StandInRequest } from '../../src/idp/standin/types.ts';
import { compact } from './helpers.ts';
import { signedResponse } from './standin-requests.ts';
import { awsUser, NOW, PATCH_SCHEMA, scimServer } from './standin-scim-client.ts';

const ISSUER = 'https://idp.example.com/metadata';
const ACS = 'https://us-east-1.signin.aws.amazon.com/platform/saml/acs/3f1c2b6e-1111';
let keys: SigningKeys;
let metadata: string;

beforeAll(async () => {
  keys = await resolveSigningKeys({});
  metadata = buildIdpMetadata({
    entityId: ISSUER,
    ssoUrl: `${ISSUER}/sso`,
    certBase64: keys.certBase64,
  });
});

function acsRequest(nameId: string): StandInRequest {
  const url = new URL(ACS);
  return {
    method: 'POST',
    path: url.pathname,
    query: new URLSearchParams(),
    host: url.host,
    scheme: 'https',
    body: new URLSearchParams({
      SAMLResponse: signedResponse(keys, {
        nameId,
        recipient: ACS,
        destination: ACS,
        roles: null,
        sessionName: null,
      }),
    }).toString(),
  };
}

describe("Identity Center's ACS with SCIM on", () => {
  it('signs in a provisioned, active userName (case as RFC 7643 compares it: without case)', () => {
    const server = scimServer({ metadata: [metadata] });
    server.send('POST', '/scim/v2/Users', awsUser('alice@example.com'));
    for (const nameId of ['alice@example.com', 'Alice@Example.com']) {
      const answer = server.handle(acsRequest(nameId));
      expect(answer.status, compact(answer.body)).toBe(200);
      expect(answer.body).toContain(`identity-center-user/${nameId}`);
    }
  });

  it('refuses a NameID no provisioned user has, saying to provision it', () => {
    const server = scimServer({ metadata: [metadata] });
    server.send('POST', '/scim/v2/Users', awsUser('alice@example.com'));
    const answer = server.handle(acsRequest('mallory@example.com'));
    expect(answer.status).toBe(403);
    expect(compact(answer.body)).toContain(
      'Stand-in detail: no provisioned user has the userName &quot;mallory@example.com&quot; (the NameID); provision it over SCIM first',
    );
  });

  it('refuses a deactivated user, and a deleted one', () => {
    const server = scimServer({ ids: ['u1'], metadata: [metadata] });
    server.send('POST', '/scim/v2/Users', awsUser('alice@example.com'));
    server.send('PATCH', '/scim/v2/Users/u1', {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    const deactivated = server.handle(acsRequest('alice@example.com'));
    expect(deactivated.status).toBe(403);
    expect(compact(deactivated.body)).toContain('is deactivated (active: false)');
    server.send('DELETE', '/scim/v2/Users/u1');
    expect(server.handle(acsRequest('alice@example.com')).status).toBe(403);
  });

  it('still refuses an unsigned or untrusted response first, as before', () => {
    const server = scimServer({ metadata: [] });
    server.send('POST', '/scim/v2/Users', awsUser('alice@example.com'));
    const answer = server.handle(acsRequest('alice@example.com'));
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('invalid SAML response');
  });
});

describe("Identity Center's ACS with SCIM off", () => {
  it('keeps its behaviour from before SCIM: any verified NameID is signed in (no directory to ask)', () => {
    const handle = createStandInHandler({ trustedIdpMetadata: [metadata], now: () => NOW });
    const answer = handle(acsRequest('anyone@example.com'));
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('identity-center-user/anyone@example.com');
    // And there is no SCIM API to reach.
    expect(
      handle({
        method: 'GET',
        path: '/scim/v2/Users',
        query: new URLSearchParams(),
        host: 'x',
        scheme: 'https',
        body: '',
      }).status,
    ).toBe(404);
  });
});

describe('the provisioned users page', () => {
  it('lists users and groups with their members, every value escaped', () => {
    const server = scimServer({ ids: ['u1', 'g1'] });
    server.send(
      'POST',
      '/scim/v2/Users',
      awsUser('<script>alert(1)</script>', {
        displayName: '"><img src=x onerror=alert(1)>',
        externalId: "a'b&c",
      }),
    );
    server.send('POST', '/scim/v2/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: '<b>Eng</b>',
      members: [{ value: 'u1' }],
    });
    const page = server.handle({
      method: 'GET',
      path: '/scim',
      query: new URLSearchParams(),
      host: '127.0.0.1:8443',
      scheme: 'https',
      body: '',
    });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('<img');
    expect(page.body).not.toContain('<b>Eng');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).toContain('&lt;b&gt;Eng&lt;/b&gt;');
    expect(page.body).toContain('a&#39;b&amp;c');
    expect(compact(page.body)).toContain('Users (1)');
  });

  it('says when nothing is provisioned, and a deactivated user is marked', () => {
    const server = scimServer({ ids: ['u1'] });
    const empty = server.handle({
      method: 'GET',
      path: '/scim',
      query: new URLSearchParams(),
      host: 'x',
      scheme: 'https',
      body: '',
    });
    expect(compact(empty.body)).toContain('None yet.');
    server.send('POST', '/scim/v2/Users', awsUser('alice', { active: false }));
    const page = server.handle({
      method: 'GET',
      path: '/scim/',
      query: new URLSearchParams(),
      host: 'x',
      scheme: 'https',
      body: '',
    });
    expect(page.body).toContain('no (deactivated: sign-in refused)');
  });
});
