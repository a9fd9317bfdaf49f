// AWS-shaped SAML responses for tests and benchmarks, written by the IdP's own builder. Nothing here
// is copied from other projects: the shapes follow SAML 2.0 core and the variations real IdPs are
// known to produce.
import { AWS_ATTRIBUTES } from '../../src/core/aws/attributes.ts';
import { buildResponseXml, type ResponseAttribute } from '../../src/idp/saml/build-response.ts';

export type FixtureAttribute = ResponseAttribute;

export interface FixtureOptions {
  /** Namespace prefix for assertion elements: 'saml2', 'saml', or '' for a default namespace. */
  prefix?: string;
  /** Role pairs as [roleArn, providerArn]; null leaves the Role attribute out. */
  roles?: [string, string][] | null;
  /** Put the provider ARN first (either order is legal). A function decides per pair. */
  providerFirst?: boolean | ((index: number) => boolean);
  /** Wraps each Role value (e.g. in whitespace/newlines as some IdPs do). */
  padValue?: (value: string, index: number) => string;
  /** Split Role values over this many Role attributes. */
  roleAttributes?: number;
  sessionName?: string | null;
  sessionDuration?: string | null;
  extraAttributes?: FixtureAttribute[];
  issuer?: string;
  nameId?: string;
  /** The NameID Format URI; persistent unless given. */
  nameIdFormat?: string;
  audience?: string | null;
  recipient?: string | null;
  destination?: string | null;
  /** IssueInstant and AuthnInstant; NotBefore unless given. */
  issueInstant?: string;
  notBefore?: string;
  notOnOrAfter?: string;
  statusCode?: string;
  signature?: 'none' | 'response' | 'assertion' | 'both';
  responseId?: string;
  assertionId?: string;
  /** Emit a bare Assertion instead of a Response. */
  bareAssertion?: boolean;
}

export const SAML_ENDPOINT = 'https://signin.aws.amazon.com/saml';

export function roleArn(account: string, name: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${account}:role/${name}`;
}

export function providerArn(account: string, name = 'MyIdP', partition = 'aws'): string {
  return `arn:${partition}:iam::${account}:saml-provider/${name}`;
}

/** `count` pairs spread over accounts, with some role paths, as large organisations have. */
export function manyRoles(count: number): [string, string][] {
  return Array.from({ length: count }, (_, i) => {
    const account = String(100000000000 + (i % 97) * 1111).padStart(12, '0');
    const name = i % 5 === 0 ? `team-${i % 7}/Role${i}` : `Role${i}`;
    return [roleArn(account, name), providerArn(account)];
  });
}

function fakeSignature(referenceId: string): string {
  return `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="#${referenceId}"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIBAAAA</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>`;
}

/** The Role attribute(s), RoleSessionName, SessionDuration and any extra attributes. */
function awsAttributes(options: FixtureOptions): FixtureAttribute[] {
  const attributes: FixtureAttribute[] = [];
  if (options.roles !== null) {
    const pairs = (
      options.roles ?? [[roleArn('123456789012', 'Admin'), providerArn('123456789012')]]
    ).map(([role, provider], i) => {
      const first =
        typeof options.providerFirst === 'function'
          ? options.providerFirst(i)
          : options.providerFirst;
      const value = first ? `${provider},${role}` : `${role},${provider}`;
      return options.padValue ? options.padValue(value, i) : value;
    });
    const split = Math.max(1, options.roleAttributes ?? 1);
    const chunk = Math.ceil(pairs.length / split) || 1;
    for (let i = 0; i < split; i++) {
      const values = pairs.slice(i * chunk, (i + 1) * chunk);
      if (values.length || i === 0)
        attributes.push({ name: AWS_ATTRIBUTES.role, values, friendlyName: 'Role' });
    }
  }
  if (options.sessionName !== null)
    attributes.push({
      name: AWS_ATTRIBUTES.roleSessionName,
      values: [options.sessionName ?? 'alice@example.com'],
    });
  if (options.sessionDuration !== null && options.sessionDuration !== undefined) {
    attributes.push({ name: AWS_ATTRIBUTES.sessionDuration, values: [options.sessionDuration] });
  }
  attributes.push(...(options.extraAttributes ?? []));
  return attributes;
}

/** A SAML Response (or bare Assertion) as an IdP would send it to AWS, built by the IdP's builder. */
export function buildSamlResponse(options: FixtureOptions = {}): string {
  const responseId = options.responseId ?? '_r1';
  const assertionId = options.assertionId ?? '_a1';
  const notBefore = options.notBefore ?? '2026-01-01T00:00:00Z';
  const signature = options.signature ?? 'response';
  return buildResponseXml({
    prefix: options.prefix ?? 'saml2',
    xmlDeclaration: !options.bareAssertion,
    bareAssertion: options.bareAssertion,
    responseId,
    assertionId,
    issuer: options.issuer ?? 'https://idp.example.com/metadata',
    destination: options.destination === undefined ? SAML_ENDPOINT : options.destination,
    recipient: options.recipient === undefined ? SAML_ENDPOINT : options.recipient,
    audience: options.audience === undefined ? 'urn:amazon:webservices' : options.audience,
    statusCode: options.statusCode,
    nameId: options.nameId ?? 'alice',
    nameIdFormat: options.nameIdFormat ?? 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    issueInstant: options.issueInstant ?? notBefore,
    notBefore,
    notOnOrAfter: options.notOnOrAfter ?? '2026-01-01T01:00:00Z',
    attributes: awsAttributes(options),
    responseSignature:
      signature === 'response' || signature === 'both' ? fakeSignature(responseId) : undefined,
    assertionSignature:
      signature === 'assertion' || signature === 'both' ? fakeSignature(assertionId) : undefined,
  });
}

/** Base64 as Node would produce it; the tests compare the core's decoder against this. */
export function toBase64(xml: string): string {
  return Buffer.from(xml, 'utf8').toString('base64');
}
