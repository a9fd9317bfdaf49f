// Issue 13's "Done when", end to end: the CLI's `idp scim-sync` with the demo configs against the
// Identity Center SCIM stand-in as `saml-roles standin --scim` starts it, over its real HTTPS
// (trusted through --scim-ca-file, not by turning verification off), and then Identity Center
// sign-in at the stand-in with responses from the companion IdP's Identity Center application.
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { nodeFetch } from '../../../src/cli/node-fetch.ts';
import { parseConfig } from '../../../src/idp/config.ts';
import { startIdp, type RunningIdp } from '../../../src/idp/server.ts';
import { startStandInCommand, type RunningStandIn } from '../../../src/idp/standin/command.ts';
import { TLS_CERT_FILE } from '../../../src/idp/standin/tls.ts';
import { fakeIo } from '../../cli/fake-io.ts';
import { Browser, compact, formOf, postAs, readResponse, tempDir } from '../helpers.ts';

const TOKEN = 'demo-loop-token-0123456789abcdef';
const APP = 'aws-identity-center';
const PHOTOS_REMOVED = 'demo/idp-scim-photos-removed.yaml';

let dir: Awaited<ReturnType<typeof tempDir>>;
let standIn: RunningStandIn;
let idp: RunningIdp;
let caFile: string;
let ca: string;
let scimUrl: string;

beforeAll(async () => {
  dir = await tempDir();
  // The companion IdP with the photos-removed demo: it signs the Identity Center responses. Its own
  // sync on start has no token here, so it sends nothing; the CLI does the provisioning below.
  idp = await startIdp({
    config: parseConfig(readFileSync(PHOTOS_REMOVED, 'utf8'), PHOTOS_REMOVED),
    env: {},
    scimLog: () => undefined,
    warn: () => undefined,
  });
  const dataDir = join(dir.path, 'standin');
  standIn = await startStandInCommand({
    port: 0,
    dataDir,
    trust: [{ source: 'the companion IdP', xml: idp.metadataXml }],
    scim: { token: TOKEN },
  });
  scimUrl = standIn.scim!.url;
  caFile = join(dataDir, TLS_CERT_FILE);
  ca = readFileSync(caFile, 'utf8');
});

afterAll(async () => {
  await Promise.all([standIn?.close(), idp?.close()]);
  await dir?.remove();
});

/** `saml-roles idp scim-sync --config FILE` against the stand-in, its CA trusted by file. */
async function scimSync(config: string, extra: string[] = []) {
  // The CLI reads the CA file through its io, as it reads every input file.
  const fake = fakeIo({ env: { SAML_ROLES_STANDIN_SCIM_TOKEN: TOKEN }, files: { [caFile]: ca } });
  const args = ['idp', 'scim-sync', '--config', config, '--app', APP, '--scim-url', scimUrl];
  const code = await main([...args, '--scim-ca-file', caFile, ...extra], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** What the stand-in holds, read through its SCIM API. */
async function held(resource: 'Users' | 'Groups', filter?: string): Promise<Json[]> {
  const url = new URL(`${scimUrl}/${resource}`);
  if (filter !== undefined) url.searchParams.set('filter', filter);
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        hostname: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        ca,
        headers: { authorization: `Bearer ${TOKEN}` },
      },
      (res) => void readResponse(res).then(resolve, reject),
    );
    req.on('error', reject);
    req.end();
  });
  expect(answer.status).toBe(200);
  return (JSON.parse(answer.body) as { Resources: Json[] }).Resources;
}

/** The companion IdP's Identity Center response for a user, posted to the stand-in's IdC ACS. */
async function identityCenterSignIn(username: string) {
  const browser = new Browser(idp.url);
  await browser.login(username);
  const form = formOf(await (await browser.get(`/applications/${APP}/sso`)).text());
  const acs = new URL(form.action);
  const page = await postAs(`${standIn.url}${acs.pathname}`, acs.host, form.fields, ca);
  return { status: page.status, body: compact(page.body) };
}

describe('the demo loop: idp scim-sync with the demo configs against the SCIM stand-in', () => {
  it("without --scim-ca-file the stand-in's certificate is refused, and the error says how to trust it", async () => {
    const fake = fakeIo({ env: { SAML_ROLES_STANDIN_SCIM_TOKEN: TOKEN }, fetch: nodeFetch });
    const args = ['idp', 'scim-sync', '--config', PHOTOS_REMOVED, '--app', APP];
    expect(await main([...args, '--scim-url', scimUrl], fake.io)).toBe(2);
    expect(fake.stderr()).toContain('(DEPTH_ZERO_SELF_SIGNED_CERT)');
    expect(fake.stderr()).toContain(
      "the server's certificate is not trusted: give its CA with --scim-ca-file",
    );
    expect(fake.stderr()).not.toContain(TOKEN);
  });

  it('--scim-ca-file that holds no certificate is named', async () => {
    const fake = fakeIo({ files: { 'token.txt': 'not a certificate' } });
    const args = ['idp', 'scim-sync', '--config', PHOTOS_REMOVED, '--app', APP];
    expect(await main([...args, '--scim-ca-file', 'token.txt'], fake.io)).toBe(2);
    expect(fake.stderr()).toContain('--scim-ca-file: token.txt holds no PEM certificate');
  });

  it('fails on photos with the demo config, saying to remove them', async () => {
    const run = await scimSync('demo/idp.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'photos is not supported by IAM Identity Center: add a mapping that removes it',
    );
    expect(await held('Users')).toEqual([]);
  });

  it('provisions every user and group of the application, with their memberships', async () => {
    const run = await scimSync(PHOTOS_REMOVED);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const users = await held('Users');
    expect(users.map((u) => [u.userName, u.active]).sort()).toEqual([
      ['alice@example.com', true],
      ['erin@example.com', true],
    ]);
    expect((await held('Groups')).map((g) => g.displayName).sort()).toEqual([
      'admins',
      'sso-users',
    ]);
    // Identity Center lists groups without members: who is in one is asked with a filter.
    const memberships = await Promise.all(
      users.map(async (u) => [
        u.userName,
        (await held('Groups', `members eq "${u.id}"`)).map((g) => g.displayName),
      ]),
    );
    expect(memberships.sort()).toEqual([
      ['alice@example.com', ['admins']],
      ['erin@example.com', ['sso-users']],
    ]);
  });

  it('sends no write on a second run', async () => {
    const run = await scimSync(PHOTOS_REMOVED);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('users created 0, updated 0, deactivated 0, unchanged 2');
    expect(run.stdout).toMatch(/reads, 0 writes\n/);
  });

  it('deactivates a user removed from the config; their Identity Center sign-in is refused, an active one is not', async () => {
    expect((await identityCenterSignIn('erin')).status).toBe(200);
    const withoutErin = join(dir.path, 'idp-without-erin.yaml');
    const config = readFileSync(PHOTOS_REMOVED, 'utf8');
    const erin = /^ {2}- username: erin\n(?: {4}.*\n)+/m;
    expect(config).toMatch(erin);
    writeFileSync(withoutErin, config.replace(erin, ''));
    const run = await scimSync(withoutErin);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('deactivated 1');
    const erinHeld = (await held('Users')).find((u) => u.userName === 'erin@example.com');
    expect(erinHeld.active).toBe(false);

    const refused = await identityCenterSignIn('erin');
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('is deactivated (active: false)');
    const accepted = await identityCenterSignIn('alice');
    expect(accepted.status, accepted.body).toBe(200);
    expect(accepted.body).toContain('identity-center-user/alice@example.com');
  });
});
