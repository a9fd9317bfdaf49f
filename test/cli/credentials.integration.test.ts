import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../../src/idp/config.ts';
import { resolveSigningKeys } from '../../src/idp/crypto/keystore.ts';
import { listen } from '../../src/idp/http/listen.ts';
import { Minter } from '../../src/idp/mint.ts';
import { buildIdpMetadata } from '../../src/idp/saml/metadata.ts';
import { startAwsStandIn } from '../../src/idp/standin/server.ts';
import { runMain } from './fake-io.ts';
import { nodeFetch } from '../../src/cli/node-fetch.ts';

const ISSUER = 'http://127.0.0.1:7000';
const DEPLOYER = 'arn:aws:iam::222222222222:role/Deployer';
const READ_ONLY = 'arn:aws:iam::222222222222:role/ReadOnly';
let minter: Minter;
let standIn: { url: string; close(): Promise<void> };

beforeAll(async () => {
  const keys = await resolveSigningKeys({});
  minter = new Minter(demoConfig(), keys, ISSUER);
  standIn = await startAwsStandIn({
    trustedIdpMetadata: [
      buildIdpMetadata({ entityId: ISSUER, ssoUrl: `${ISSUER}/sso`, certBase64: keys.certBase64 }),
    ],
    roles: [{ arn: READ_ONLY, maxSessionDuration: 43200 }],
  });
});
afterAll(async () => {
  await standIn.close();
});

/** The CLI with Node's fetch against the stand-in, as a user would point it with the variable. */
const run = (
  args: string[],
  stdin = minter.mint('bob', 'aws').samlResponse,
  env?: Record<string, string>,
) =>
  runMain(['credentials', ...args], {
    stdin,
    env: env ?? { AWS_ENDPOINT_URL_STS: standIn.url },
    fetch: nodeFetch,
  });

const reencode = (samlResponse: string, edit: (xml: string) => string) =>
  Buffer.from(edit(Buffer.from(samlResponse, 'base64').toString('utf8'))).toString('base64');

describe('saml-roles credentials against the AWS stand-in', () => {
  it('gets credentials for one role, for the SessionDuration the assertion asks', async () => {
    const before = Date.now();
    const { code, stdout, stderr } = await run(['-', '--role', DEPLOYER]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const env = Object.fromEntries(
      [...stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1], m[2]]),
    );
    expect(env.AWS_ACCESS_KEY_ID).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(env.AWS_SECRET_ACCESS_KEY).toHaveLength(40);
    expect(Buffer.from(env.AWS_SESSION_TOKEN!, 'base64').toString()).toContain(
      'not a real session token',
    );
    const expires = Date.parse(env.AWS_CREDENTIAL_EXPIRATION!);
    expect(Math.abs(expires - (before + 3600_000))).toBeLessThan(5000);
  });

  it('--all: a profile per role in one credentials file', async () => {
    const { code, stdout, stderr } = await run(['--all'], undefined, {
      AWS_ENDPOINT_URL: standIn.url,
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.match(/^\[.*\]$/gm)).toEqual([
      '[111111111111-Admin]',
      '[111111111111-team-ReadOnly]',
      '[222222222222-Deployer]',
      '[222222222222-ReadOnly]',
      '[333333333333-BillingViewer]',
    ]);
    expect(stdout.match(/^aws_session_token = \S+$/gm)).toHaveLength(5);
  });

  it('an expired assertion: ExpiredTokenException, exit 1', async () => {
    const stale = minter.mint('bob', 'aws', { now: new Date(Date.now() - 3600_000) }).samlResponse;
    const { code, stdout, stderr } = await run(['--role', DEPLOYER], stale);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toMatch(
      new RegExp(
        `^saml-roles credentials: ${DEPLOYER}: ExpiredTokenException: .+ Sign in through your IdP again .+\\n$`,
      ),
    );
  });

  it('a tampered assertion: InvalidIdentityToken, exit 1', async () => {
    const tampered = reencode(minter.mint('bob', 'aws').samlResponse, (xml) =>
      xml.replace('role/Deployer', 'role/Deployer2'),
    );
    const { code, stderr } = await run(['--role', `${DEPLOYER}2`], tampered);
    expect(code).toBe(1);
    expect(stderr).toContain(`${DEPLOYER}2: InvalidIdentityToken: `);
  });

  it('a failed IdP status: IDPRejectedClaim, exit 1', async () => {
    const refused = reencode(minter.mint('bob', 'aws').samlResponse, (xml) =>
      xml.replace('status:Success', 'status:Responder'),
    );
    const { code, stderr } = await run(['--role', DEPLOYER], refused);
    expect(code).toBe(1);
    expect(stderr).toContain(': IDPRejectedClaim: the IdP reported status');
  });

  it('a role the assertion does not carry: exit 2 before any request', async () => {
    const { code, stderr } = await run(['--role', 'arn:aws:iam::222222222222:role/Other']);
    expect(code).toBe(2);
    expect(stderr).toContain("is not one of the assertion's roles");
  });

  it('DurationSeconds above the role maximum: ValidationError with the retry length; the configured maximum allows it', async () => {
    const refused = await run(['--role', DEPLOYER, '--duration', '7200']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
    expect(refused.stderr).toMatch(/Retry: --duration 3600\.\n$/);
    const retried = await run(['--role', DEPLOYER, '--duration', '3600']);
    expect(retried.code).toBe(0);
    const allowed = await run(['--role', READ_ONLY, '--duration', '7200', '--format', 'process']);
    expect(allowed.code).toBe(0);
    const expires = Date.parse((JSON.parse(allowed.stdout) as { Expiration: string }).Expiration);
    expect(Math.abs(expires - (Date.now() + 7200_000))).toBeLessThan(5000);
  });

  it('--all with one role over its maximum: the others are printed, the failure listed, exit 1', async () => {
    const { code, stdout, stderr } = await run(['--all', '--duration', '7200']);
    expect(code).toBe(1);
    expect(stdout.match(/^\[.*\]$/gm)).toEqual(['[222222222222-ReadOnly]']);
    expect(stderr.trim().split('\n')).toHaveLength(4);
  });

  it('a network failure (closed port): NetworkError with the cause, exit 1', async () => {
    const closed = await listen(() => undefined, {});
    await closed.close();
    const { code, stderr } = await run(['--role', DEPLOYER], undefined, {
      AWS_ENDPOINT_URL_STS: closed.url,
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /: NetworkError: 127\.0\.0\.1:\d+: fetch failed \(ECONNREFUSED\) \| No answer arrived/,
    );
  });
});
