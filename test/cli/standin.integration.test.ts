import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { demoConfig } from '../../src/idp/config.ts';
import { resolveSigningKeys } from '../../src/idp/crypto/keystore.ts';
import { listen } from '../../src/idp/http/listen.ts';
import { Minter } from '../../src/idp/mint.ts';
import { buildIdpMetadata } from '../../src/idp/saml/metadata.ts';
import { TLS_CERT_FILE, TLS_KEY_FILE } from '../../src/idp/standin/tls.ts';
import { compact, postAs, tempDir } from '../idp/helpers.ts';
import { fakeIo, runMain } from './fake-io.ts';

const ISSUER = 'http://127.0.0.1:7000';
const DEPLOYER = 'arn:aws:iam::222222222222:role/Deployer';
const PROVIDER = 'arn:aws:iam::222222222222:saml-provider/local';
let dir: Awaited<ReturnType<typeof tempDir>>;
let minter: Minter;
let metadataPath: string;
const running: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  dir = await tempDir();
  const keys = await resolveSigningKeys({});
  minter = new Minter(demoConfig(), keys, ISSUER);
  metadataPath = join(dir.path, 'idp-metadata.xml');
  writeFileSync(
    metadataPath,
    buildIdpMetadata({ entityId: ISSUER, ssoUrl: `${ISSUER}/sso`, certBase64: keys.certBase64 }),
  );
  writeFileSync(
    join(dir.path, 'roles.yaml'),
    `roles:\n  - arn: ${DEPLOYER}\n    maxSessionDuration: 7200\n`,
  );
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((stop) => stop()));
});
afterAll(async () => {
  await dir.remove();
});

/** Starts `saml-roles standin ARGS` through main; the server runs until the test ends. */
async function start(args: string[]) {
  const fake = fakeIo();
  const code = await main(['standin', ...args], fake.io);
  running.push(fake.stop);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

function sts(url: string, form: Record<string, string>, ca: string) {
  return postAs(
    `${url}/`,
    'sts.amazonaws.com',
    { Action: 'AssumeRoleWithSAML', Version: '2011-06-15', ...form },
    ca,
  );
}

describe('saml-roles standin', () => {
  it('serves HTTPS with a certificate kept in the data dir, and says how to reach it', async () => {
    const dataDir = join(dir.path, 'data');
    const first = await start(['--port', '0', '--trust', metadataPath, '--data-dir', dataDir]);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const url = /running at (https:\/\/127\.0\.0\.1:\d+)/.exec(first.stdout)![1]!;
    const fingerprint = /fingerprint: ([0-9A-F:]{95})/.exec(first.stdout)![1]!;
    expect(first.stdout).toContain(ISSUER);
    expect(first.stdout).toContain(`MAP signin.aws.amazon.com ${new URL(url).host}`);
    expect(first.stdout).toMatch(/--ignore-certificate-errors-spki-list=[A-Za-z0-9+/]{43}=/);
    expect(statSync(join(dataDir, TLS_KEY_FILE)).mode & 0o777).toBe(0o600);
    const ca = readFileSync(join(dataDir, TLS_CERT_FILE), 'utf8');
    const page = await postAs(
      `${url}/saml`,
      'signin.aws.amazon.com',
      { SAMLResponse: minter.mint('alice', 'aws').samlResponse },
      ca,
    );
    expect(compact(page.body)).toContain('arn:aws:sts::123412341234:assumed-role/developer/alice<');
    await Promise.all(running.splice(0).map((stop) => stop()));

    const again = await start(['--port', '0', '--trust', metadataPath, '--data-dir', dataDir]);
    expect(again.stdout).toContain(`fingerprint: ${fingerprint}`);
  });

  it('holds each role to the MaxSessionDuration of ROLES.yaml, and others to an hour', async () => {
    const dataDir = join(dir.path, 'data');
    const roles = join(dir.path, 'roles.yaml');
    const started = await start([
      '--port',
      '0',
      '--trust',
      metadataPath,
      '--roles',
      roles,
      '--data-dir',
      dataDir,
    ]);
    expect(started.stdout).toContain('roles: 1 configured');
    const url = /running at (\S+)/.exec(started.stdout)![1]!;
    const ca = readFileSync(join(dataDir, TLS_CERT_FILE), 'utf8');
    const SAMLAssertion = minter.mint('bob', 'aws').samlResponse;
    const deployer = await sts(
      url,
      { RoleArn: DEPLOYER, PrincipalArn: PROVIDER, SAMLAssertion, DurationSeconds: '7200' },
      ca,
    );
    expect(deployer.status).toBe(200);
    const other = await sts(
      url,
      {
        RoleArn: 'arn:aws:iam::222222222222:role/ReadOnly',
        PrincipalArn: PROVIDER,
        SAMLAssertion,
        DurationSeconds: '7200',
      },
      ca,
    );
    expect(other.body).toContain('exceeds the MaxSessionDuration set for this role');
  });

  it("evaluates ROLES.yaml's trust policies: a policy file refusing bob's session name denies", async () => {
    const dataDir = join(dir.path, 'data');
    writeFileSync(
      join(dir.path, 'deployer-trust.json'),
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'AliceOnly',
            Effect: 'Allow',
            Principal: { Federated: PROVIDER },
            Action: 'sts:AssumeRoleWithSAML',
            Condition: { StringEquals: { 'sts:RoleSessionName': 'alice' } },
          },
        ],
      }),
    );
    const roles = join(dir.path, 'trust-roles.yaml');
    writeFileSync(
      roles,
      `roles:\n  - arn: ${DEPLOYER}\n    trustPolicyFile: deployer-trust.json\n`,
    );
    const started = await start([
      '--port',
      '0',
      '--trust',
      metadataPath,
      '--roles',
      roles,
      '--data-dir',
      dataDir,
    ]);
    const url = /running at (\S+)/.exec(started.stdout)![1]!;
    const ca = readFileSync(join(dataDir, TLS_CERT_FILE), 'utf8');
    const SAMLAssertion = minter.mint('bob', 'aws').samlResponse;
    const denied = await sts(url, { RoleArn: DEPLOYER, PrincipalArn: PROVIDER, SAMLAssertion }, ca);
    expect(denied.status).toBe(403);
    expect(denied.body).toContain('<Code>AccessDenied</Code>');
    expect(denied.body).toMatch(/AliceOnly.*StringEquals sts:RoleSessionName/);
    // A role ROLES.yaml does not list gets the console's policy, which this assertion satisfies.
    const other = await sts(
      url,
      { RoleArn: 'arn:aws:iam::222222222222:role/ReadOnly', PrincipalArn: PROVIDER, SAMLAssertion },
      ca,
    );
    expect(other.status).toBe(200);
  });

  it.each([
    [['--port', 'x'], '--port "x" is not a port number (0-65535)'],
    [['--port', '70000'], '--port "70000" is not a port number'],
    [['--trust', '/nonexistent/idp.xml'], '--trust: no such file: /nonexistent/idp.xml'],
    [['--roles', '/nonexistent/roles.yaml'], '--roles: no such file: /nonexistent/roles.yaml'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j in one line', async (args, message) => {
    const result = await runMain([
      'standin',
      '--port',
      '0',
      '--data-dir',
      join(dir.path, 'data'),
      ...args,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names a metadata file that is not IdP metadata', async () => {
    const bad = join(dir.path, 'sp.xml');
    writeFileSync(
      bad,
      '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>',
    );
    const result = await runMain([
      'standin',
      '--port',
      '0',
      '--data-dir',
      join(dir.path, 'data'),
      '--trust',
      bad,
    ]);
    expect(result.stderr).toBe(
      `saml-roles standin: ${bad}: the metadata of x has no IDPSSODescriptor\n`,
    );
  });

  it('says when the port is in use', async () => {
    const taken = await listen(() => undefined, {});
    try {
      const port = new URL(taken.url).port;
      const result = await runMain([
        'standin',
        '--port',
        port,
        '--data-dir',
        join(dir.path, 'data'),
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `saml-roles standin: port ${port} on 127.0.0.1 is in use; pick another with --port\n`,
      );
    } finally {
      await taken.close();
    }
  });
});
