// The IdP's benchmarks: signing a 5-role response against raw RSA-SHA256 on the same key, and
// SSO round trips against the running server. Called by bench/run.ts (`npm run bench`).
import { sign } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { select } from 'xpath';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { parseConfig } from '../src/idp/config.ts';
import { resolveSigningKeys } from '../src/idp/crypto/keystore.ts';
import { Minter } from '../src/idp/mint.ts';
import { buildResponse } from '../src/idp/saml/build-response.ts';
import { signResponse } from '../src/idp/saml/sign.ts';
import { startIdp } from '../src/idp/server.ts';
import { createStandInHandler } from '../src/idp/standin/handler.ts';
import { MAX_FILTER_LENGTH, parseEqFilter } from '../src/idp/standin/scim/filter.ts';
import { ScimStore } from '../src/idp/standin/scim/scim-store.ts';
import { medianMs, round, type BenchRow } from './stats.ts';

const USERS = 20;
const ROLES = 5;

/** 20 users, each with 5 roles over 3 accounts, mapped through an expression like the demo's. */
function benchConfig(): string {
  const users = Array.from(
    { length: USERS },
    (_, i) =>
      `  - { username: user${i}, email: user${i}@example.com, password: pw, groups: [eng] }`,
  );
  const roles = Array.from({ length: ROLES }, (_, i) => {
    const account = String(111111111111 * ((i % 3) + 1));
    return `"arn:aws:iam::${account}:role/role-${i},arn:aws:iam::${account}:saml-provider/local"`;
  });
  return `users:
${users.join('\n')}
groups:
  - { name: eng, attributes: { aws_roles: [${roles.join(', ')}] } }
applications:
  - slug: aws
    acsUrl: https://signin.aws.amazon.com/saml
    audience: urn:amazon:webservices
    mappings:
      - { name: https://aws.amazon.com/SAML/Attributes/Role, expression: "return user.groupAttributes().aws_roles" }
      - { name: https://aws.amazon.com/SAML/Attributes/RoleSessionName, expression: "return user.username" }
      - { name: https://aws.amazon.com/SAML/Attributes/SessionDuration, value: "3600" }
`;
}

const perSecond = (ms: number) => round(1000 / ms, 1);

async function signingRow(): Promise<BenchRow> {
  const config = parseConfig(benchConfig(), 'bench');
  const keys = await resolveSigningKeys({});
  const minter = new Minter(config, keys, 'http://127.0.0.1:7000');
  const output = minter.preview('user0', 'aws');
  const unsigned = () =>
    buildResponse({
      issuer: 'http://127.0.0.1:7000',
      acsUrl: 'https://signin.aws.amazon.com/saml',
      audience: 'urn:amazon:webservices',
      nameId: 'user0',
      nameIdFormat: 'persistent',
      attributes: output.attributes,
      validSeconds: 300,
      now: new Date(),
    }).xml;
  const sample = unsigned();
  // The SignedInfo that is signed is about this long; raw signing cost hardly depends on length.
  const signedInfo = Buffer.alloc(700, 'x');
  const document = new DOMParser().parseFromString(sample, 'text/xml');
  const assertion = document.getElementsByTagNameNS(
    'urn:oasis:names:tc:SAML:2.0:assertion',
    'Assertion',
  )[0]!;
  const c14n = new ExclusiveCanonicalization();

  const rawMs = medianMs(() => sign('sha256', signedInfo, keys.privateKey));
  const mintMs = medianMs(() => minter.mint('user0', 'aws'));
  const signMs = medianMs(() => signResponse(sample, 'assertion', keys));
  const mapMs = medianMs(() => minter.preview('user0', 'aws'));
  const buildMs = medianMs(unsigned);
  const parseMs = medianMs(() => new DOMParser().parseFromString(sample, 'text/xml'));
  const c14nMs = medianMs(() => c14n.process(assertion as unknown as Element, {}));
  // xml-crypto finds the signed element and the signature's place by XPath, like this.
  const xpathMs = medianMs(() => {
    select(
      "/*[local-name(.)='Response']/*[local-name(.)='Assertion']",
      document as unknown as Node,
    );
    select(
      "/*[local-name(.)='Response']/*[local-name(.)='Assertion']/*[local-name(.)='Issuer']",
      document as unknown as Node,
    );
  });
  const serializeMs = medianMs(() => new XMLSerializer().serializeToString(document));
  return {
    name: 'sign-5-roles',
    perSecond: perSecond(mintMs),
    rawSignPerSecond: perSecond(rawMs),
    ratio: round(rawMs / mintMs, 3),
    xmlCryptoSignOnlyPerSecond: perSecond(signMs),
    signOnlyRatio: round(rawMs / signMs, 3),
    rawSignMs: round(rawMs),
    mintMs: round(mintMs),
    mappingMs: round(mapMs),
    buildXmlMs: round(buildMs),
    domParseMs: round(parseMs),
    excC14nAssertionMs: round(c14nMs),
    xpathTwoSelectsMs: round(xpathMs),
    serializeMs: round(serializeMs),
  };
}

/** IdP-initiated SSO round trips (open app → signed auto-post form) by 20 signed-in users at once. */
async function ssoRow(): Promise<BenchRow> {
  const idp = await startIdp({ config: parseConfig(benchConfig(), 'bench') });
  try {
    const cookies = await Promise.all(
      Array.from({ length: USERS }, async (_, i) => {
        // As a browser signs in: the login page's cookie and CSRF token, posted from its origin.
        const page = await fetch(`${idp.url}/login`);
        const loginCookie = page.headers.getSetCookie()[0]!.split(';', 1)[0]!;
        const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
        const response = await fetch(`${idp.url}/login`, {
          method: 'POST',
          headers: { cookie: loginCookie, origin: idp.url },
          body: new URLSearchParams({ username: `user${i}`, password: 'pw', csrf }),
          redirect: 'manual',
        });
        const session = response.headers
          .getSetCookie()
          .find((cookie) => cookie.startsWith('saml_roles_idp='));
        if (!session) throw new Error(`login failed: ${response.status}`);
        return session.split(';', 1)[0]!;
      }),
    );
    const roundTrip = async (cookie: string) => {
      const response = await fetch(`${idp.url}/applications/aws/sso`, { headers: { cookie } });
      const page = await response.text();
      if (response.status !== 200 || !page.includes('name="SAMLResponse"'))
        throw new Error(`SSO failed: ${response.status}`);
    };
    await Promise.all(cookies.map(roundTrip)); // warm-up
    const budgetMs = 3000;
    const maxPerUser = 2000;
    let done = 0;
    const start = performance.now();
    await Promise.all(
      cookies.map(async (cookie) => {
        for (let i = 0; i < maxPerUser && performance.now() - start < budgetMs; i++) {
          await roundTrip(cookie);
          done++;
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    return {
      name: 'sso-roundtrips-20-concurrent',
      perSecond: round(done / seconds, 1),
      roundTrips: done,
      concurrentUsers: USERS,
      seconds: round(seconds, 2),
    };
  } finally {
    await idp.close();
  }
}

/**
 * The SCIM stand-in's filter reader on hostile filters at its 4,096-character cap (an unclosed
 * string of escapes, a run of spaces, 20 and-joined comparisons), against a plain
 * `userName eq "..."` as the baseline; and a ListUsers by userName over 10,000 users.
 */
export function scimFilterRow(): BenchRow {
  const refused = (text: string) => () => {
    try {
      parseEqFilter(text);
    } catch {
      // hostile filters are refused; only the time matters
    }
  };
  const plainMs = medianMs(refused('userName eq "alice@example.com"'));
  const escapesMs = medianMs(refused(`a eq "${'\\"'.repeat((MAX_FILTER_LENGTH - 8) / 2)}`));
  const spacesMs = medianMs(refused(`a${' '.repeat(MAX_FILTER_LENGTH - 1)}`));
  const joined = Array.from({ length: 20 }, (_, i) => `userName eq "user${i}"`).join(' and ');
  const joinedMs = medianMs(refused(joined));
  const store = new ScimStore(() => 0);
  const handle = createStandInHandler({ scim: { store, token: 'bench' } });
  for (let i = 0; i < 10_000; i++)
    store.createUser({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: `user${i}@example.com`,
      name: { givenName: 'U', familyName: String(i) },
      displayName: `User ${i}`,
      active: true,
    });
  const listMs = medianMs(() =>
    handle({
      method: 'GET',
      path: '/scim/v2/Users',
      query: new URLSearchParams({ filter: 'userName eq "user9999@example.com"' }),
      host: '127.0.0.1',
      scheme: 'https',
      body: '',
      authorization: 'Bearer bench',
    }),
  );
  return {
    name: 'scim-filter-hostile',
    plainFilterMs: round(plainMs, 5),
    escapes4096Ms: round(escapesMs, 5),
    spaces4096Ms: round(spacesMs, 5),
    twentyComparisonsMs: round(joinedMs, 5),
    worstRatio: round(Math.max(escapesMs, spacesMs, joinedMs) / plainMs, 1),
    listUsersByUserName10kMs: round(listMs, 3),
  };
}

export async function runIdpBench(): Promise<BenchRow[]> {
  return [await signingRow(), await ssoRow(), scimFilterRow()];
}
