// The AWS SAML Response the worker tests capture: the shared builder's, valid around 2030-01-01,
// so the worker runs the real core on it.
import { buildSamlResponse, providerArn } from '../support/saml-fixture.ts';

export interface FixtureOptions {
  /** How many roles; null leaves the Role attribute out. */
  roles?: number | null;
  accounts?: number;
  /** NameID and RoleSessionName. */
  sessionName?: string;
  notOnOrAfter?: string;
  issuer?: string;
  /** Adds a (structurally valid, cryptographically meaningless) Signature; default true. */
  signed?: boolean;
  /** The Response's ID (an IdP makes a new one per sign-in); the builder's default otherwise. */
  responseId?: string;
}

function account(index: number): string {
  return String(100000000000 + index);
}

export function roleArn(accountIndex: number, role: number): string {
  return `arn:aws:iam::${account(accountIndex)}:role/team/Role${role}`;
}

export function samlResponseXml(options: FixtureOptions = {}): string {
  const { roles = 3, accounts = 1, sessionName = 'alice@example.com' } = options;
  return buildSamlResponse({
    roles:
      roles === null
        ? null
        : Array.from({ length: roles }, (_, i): [string, string] => [
            roleArn(i % accounts, i),
            providerArn(account(i % accounts), 'Example'),
          ]),
    sessionName,
    nameId: sessionName,
    issuer: options.issuer ?? 'https://idp.example.com/',
    audience: 'https://signin.aws.amazon.com/saml',
    issueInstant: '2030-01-01T00:00:00Z',
    notBefore: '2029-12-31T23:59:00Z',
    notOnOrAfter: options.notOnOrAfter ?? '2030-01-01T00:05:00Z',
    signature: options.signed === false ? 'none' : 'assertion',
    ...(options.responseId ? { responseId: options.responseId } : {}),
  });
}

export const samlResponseBase64 = (options?: FixtureOptions): string =>
  Buffer.from(samlResponseXml(options)).toString('base64');

/** 2030-01-01T00:01:00Z: inside the fixture's validity window. */
export const FIXTURE_NOW = Date.parse('2030-01-01T00:01:00Z');
export const FIXTURE_EXPIRY = Date.parse('2030-01-01T00:05:00Z');
