import { beforeAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../../src/idp/config.ts';
import { resolveSigningKeys } from '../../src/idp/crypto/keystore.ts';
import { Minter } from '../../src/idp/mint.ts';
import { buildIdpMetadata } from '../../src/idp/saml/metadata.ts';
import { createStandInHandler } from '../../src/idp/standin/handler.ts';
import type { StandInRequest } from '../../src/idp/standin/types.ts';

const ISSUER = 'http://127.0.0.1:7000';
let handle: (request: StandInRequest) => ReturnType<ReturnType<typeof createStandInHandler>>;
let now = new Date();
let minter: Minter;

beforeAll(async () => {
  const keys = await resolveSigningKeys({});
  minter = new Minter(demoConfig(), keys, ISSUER);
  const metadata = buildIdpMetadata({
    entityId: ISSUER,
    ssoUrl: `${ISSUER}/sso`,
    certBase64: keys.certBase64,
  });
  handle = createStandInHandler({
    trustedIdpMetadata: [metadata],
    now: () => now.getTime(),
  });
});

function get(path: string, query: Record<string, string>) {
  return handle({
    method: 'GET',
    path,
    query: new URLSearchParams(query),
    host: 'signin.aws.amazon.com',
    scheme: 'https',
    body: '',
  });
}

/** Credentials from the stand-in's own STS, as the session JSON getSigninToken takes. */
function standInSession(): string {
  const answer = handle({
    method: 'POST',
    path: '/',
    query: new URLSearchParams(),
    host: 'sts.amazonaws.com',
    scheme: 'https',
    body: new URLSearchParams({
      Action: 'AssumeRoleWithSAML',
      Version: '2011-06-15',
      RoleArn: 'arn:aws:iam::222222222222:role/Deployer',
      PrincipalArn: 'arn:aws:iam::222222222222:saml-provider/local',
      SAMLAssertion: minter.mint('bob', 'aws').samlResponse,
    }).toString(),
  });
  const field = (name: string) => new RegExp(`<${name}>([^<]+)</${name}>`).exec(answer.body)![1]!;
  return JSON.stringify({
    sessionId: field('AccessKeyId'),
    sessionKey: field('SecretAccessKey'),
    sessionToken: field('SessionToken'),
  });
}

describe('the federation stand-in (/federation)', () => {
  it('exchanges stand-in credentials for a sign-in token, then logs in with it', () => {
    now = new Date();
    const session = standInSession();
    const answer = get('/federation', {
      Action: 'getSigninToken',
      SessionDuration: '1800',
      Session: session,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    const token = (JSON.parse(answer.body) as { SigninToken: string }).SigninToken;
    expect(token).toMatch(/^[\w-]{100,}$/);
    const page = get('/federation', {
      Action: 'login',
      Issuer: 'https://idp.example.com/',
      Destination: 'https://console.aws.amazon.com/s3/',
      SigninToken: token,
    });
    expect(page.status).toBe(200);
    const accessKey = (JSON.parse(session) as { sessionId: string }).sessionId;
    expect(page.body).toContain(`<code data-testid="console-access-key">${accessKey}</code>`);
    expect(page.body).toContain(
      '<code data-testid="console-destination">https://console.aws.amazon.com/s3/</code>',
    );
    expect(page.body).toContain('<span data-testid="console-session-duration">1800</span>');
  });

  it('refuses a session it did not issue, bad JSON, a bad duration or an unknown action', () => {
    now = new Date();
    const foreign = JSON.stringify({
      sessionId: 'ASIA',
      sessionKey: 'k',
      sessionToken: 'dG9rZW4=',
    });
    const refusals = [
      [
        { Action: 'getSigninToken', Session: foreign },
        'sessionToken was not issued by this stand-in',
      ],
      [{ Action: 'getSigninToken', Session: '{' }, 'Session is not JSON'],
      [{ Action: 'getSigninToken', Session: '{"sessionId":"a"}' }, 'Session needs sessionId'],
      [
        { Action: 'getSigninToken', Session: standInSession(), SessionDuration: '43201' },
        'SessionDuration 43201 is not 900..43200',
      ],
      [{ Action: 'nope' }, 'Action "nope" is not getSigninToken or login'],
      [
        { Action: 'login', SigninToken: 'made-up', Destination: 'https://x/' },
        'SigninToken is unknown or expired',
      ],
    ] as const;
    for (const [query, reason] of refusals) {
      const answer = get('/federation', query);
      expect(answer.status).toBe(400);
      expect(answer.body).toContain(reason);
    }
  });

  it('lets a sign-in token expire after 15 minutes, and wants a Destination URL', () => {
    now = new Date();
    const body = get('/federation', { Action: 'getSigninToken', Session: standInSession() }).body;
    const SigninToken = (JSON.parse(body) as { SigninToken: string }).SigninToken;
    expect(
      get('/federation', { Action: 'login', SigninToken, Destination: 'console' }).body,
    ).toContain('Destination is not a URL');
    now = new Date(now.getTime() + 15 * 60_000);
    const late = get('/federation', { Action: 'login', SigninToken, Destination: 'https://x/' });
    expect(late.status).toBe(400);
    expect(late.body).toContain('SigninToken is unknown or expired');
  });
});

describe('the federation stand-in’s memory', () => {
  it('keeps at most 1000 sign-in tokens, forgetting the oldest first', () => {
    now = new Date();
    const session = standInSession();
    const tokens = Array.from(
      { length: 1001 },
      () =>
        (
          JSON.parse(get('/federation', { Action: 'getSigninToken', Session: session }).body) as {
            SigninToken: string;
          }
        ).SigninToken,
    );
    const login = (SigninToken: string) =>
      get('/federation', { Action: 'login', SigninToken, Destination: 'https://x/' }).status;
    expect(login(tokens[0]!)).toBe(400);
    expect(login(tokens[1000]!)).toBe(200);
  });
});
