import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assumeRoleWithSaml } from '../../../src/core/sts/client.ts';
import { consoleSigninUrl } from '../../../src/core/sts/federation.ts';
import type { FetchLike, StsCredentials } from '../../../src/core/sts/types.ts';
import { demoConfig } from '../../../src/idp/config.ts';
import { resolveSigningKeys } from '../../../src/idp/crypto/keystore.ts';
import { Minter } from '../../../src/idp/mint.ts';
import { buildIdpMetadata } from '../../../src/idp/saml/metadata.ts';
import { startAwsStandIn } from '../../../src/idp/standin/server.ts';

const ISSUER = 'http://127.0.0.1:7000';
const PROVIDER = 'arn:aws:iam::222222222222:saml-provider/local';
let minter: Minter;
let standIn: { url: string; close(): Promise<void> };
const nodeFetch: FetchLike = (url, init) => fetch(url, init);

beforeAll(async () => {
  const keys = await resolveSigningKeys({});
  minter = new Minter(demoConfig(), keys, ISSUER);
  standIn = await startAwsStandIn({
    trustedIdpMetadata: [
      buildIdpMetadata({ entityId: ISSUER, ssoUrl: `${ISSUER}/sso`, certBase64: keys.certBase64 }),
    ],
  });
});
afterAll(async () => {
  await standIn.close();
});

const assume = (roleArn: string) =>
  assumeRoleWithSaml(
    {
      roleArn,
      principalArn: PROVIDER,
      samlAssertion: minter.mint('bob', 'aws').samlResponse,
      endpoint: standIn.url,
    },
    { fetch: nodeFetch },
  );

describe('the core STS client against the AWS stand-in', () => {
  it('reads the stand-in answer as STS documents it', async () => {
    const result = await assume('arn:aws:iam::222222222222:role/Deployer');
    expect(result).toMatchObject({
      ok: true,
      assumedRoleArn: 'arn:aws:sts::222222222222:assumed-role/Deployer/bob',
      subject: 'bob',
      subjectType: 'persistent',
      issuer: ISSUER,
      audience: 'https://signin.aws.amazon.com/saml',
    });
  });

  it('AccessDenied for a role the assertion does not pair with the provider', async () => {
    const result = await assume('arn:aws:iam::222222222222:role/Other');
    expect(result).toMatchObject({ ok: false, error: { code: 'AccessDenied', httpStatus: 403 } });
  });

  it('opens console sessions for several roles at once through the federation endpoint', async () => {
    const sessions: string[] = [];
    for (const role of ['Deployer', 'ReadOnly']) {
      const assumed = await assume(`arn:aws:iam::222222222222:role/${role}`);
      if (!assumed.ok) throw new Error(assumed.error.message);
      const signin = await consoleSigninUrl('aws', assumed.credentials, {
        fetch: nodeFetch,
        endpoint: `${standIn.url}/federation`,
        destination: 'https://console.aws.amazon.com/ec2/',
        sessionDuration: 1800,
      });
      if (!signin.ok) throw new Error(signin.error.message);
      const page = await (await fetch(signin.url)).text();
      expect(page).toContain(
        `<code data-testid="console-access-key">${assumed.credentials.accessKeyId}</code>`,
      );
      expect(page).toContain('https://console.aws.amazon.com/ec2/');
      sessions.push(assumed.credentials.accessKeyId);
    }
    expect(new Set(sessions).size).toBe(2);
  });

  it('SigninTokenRefused for credentials the stand-in did not issue', async () => {
    const forged: StsCredentials = {
      accessKeyId: 'ASIAFORGED',
      secretAccessKey: 'x',
      sessionToken: 'eA==',
      expiration: '2099-01-01T00:00:00Z',
    };
    const result = await consoleSigninUrl('aws', forged, {
      fetch: nodeFetch,
      endpoint: `${standIn.url}/federation`,
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'SigninTokenRefused',
        httpStatus: 400,
        message: 'HTTP 400: Bad Request: sessionToken was not issued by this stand-in',
      },
    });
  });
});
