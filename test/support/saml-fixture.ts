// Builds SAML responses for tests and benchmarks. Nothing here is copied from other projects: the
// shapes follow SAML 2.0 core and the variations real IdPs are known to produce.
import { AWS_ATTRIBUTES } from '../../src/core/aws/attributes.ts';

export interface FixtureAttribute {
  name: string;
  values: string[];
  friendlyName?: string;
}

export interface FixtureOptions {
  /** Namespace prefix for assertion elements: 'saml2', 'saml', or '' for a default namespace. */
  prefix?: string;
  /** Role pairs as [roleArn, providerArn]. */
  roles?: [string, string][];
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
  audience?: string | null;
  recipient?: string | null;
  destination?: string | null;
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

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function fakeSignature(referenceId: string): string {
  return `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="#${referenceId}"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIBAAAA</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>`;
}

/** A SAML Response (or bare Assertion) as an IdP would send it to AWS. */
export function buildSamlResponse(options: FixtureOptions = {}): string {
  const p = options.prefix === undefined ? 'saml2' : options.prefix;
  const t = (name: string) => (p ? `${p}:${name}` : name);
  const ns = p
    ? `xmlns:${p}="urn:oasis:names:tc:SAML:2.0:assertion"`
    : 'xmlns="urn:oasis:names:tc:SAML:2.0:assertion"';
  const responseId = options.responseId ?? '_r1';
  const assertionId = options.assertionId ?? '_a1';
  const issuer = options.issuer ?? 'https://idp.example.com/metadata';
  const notBefore = options.notBefore ?? '2026-01-01T00:00:00Z';
  const notOnOrAfter = options.notOnOrAfter ?? '2026-01-01T01:00:00Z';
  const recipient = options.recipient === undefined ? SAML_ENDPOINT : options.recipient;
  const destination = options.destination === undefined ? SAML_ENDPOINT : options.destination;
  const audience = options.audience === undefined ? 'urn:amazon:webservices' : options.audience;
  const signature = options.signature ?? 'response';

  const attributes: FixtureAttribute[] = [];
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
  if (options.sessionName !== null)
    attributes.push({
      name: AWS_ATTRIBUTES.roleSessionName,
      values: [options.sessionName ?? 'alice@example.com'],
    });
  if (options.sessionDuration !== null && options.sessionDuration !== undefined) {
    attributes.push({ name: AWS_ATTRIBUTES.sessionDuration, values: [options.sessionDuration] });
  }
  attributes.push(...(options.extraAttributes ?? []));

  const attributeXml = attributes
    .map((a) => {
      const friendly = a.friendlyName ? ` FriendlyName="${escapeXml(a.friendlyName)}"` : '';
      const values = a.values
        .map(
          (v) =>
            `<${t('AttributeValue')} xsi:type="xs:string">${escapeXml(v)}</${t('AttributeValue')}>`,
        )
        .join('');
      return `<${t('Attribute')} Name="${escapeXml(a.name)}"${friendly} NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">${values}</${t('Attribute')}>`;
    })
    .join('');
  const audienceXml =
    audience === null
      ? ''
      : `<${t('AudienceRestriction')}><${t('Audience')}>${escapeXml(audience)}</${t('Audience')}></${t('AudienceRestriction')}>`;
  const recipientAttr = recipient === null ? '' : ` Recipient="${escapeXml(recipient)}"`;
  const assertion = `<${t('Assertion')} ${ns} xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${assertionId}" IssueInstant="${notBefore}" Version="2.0"><${t('Issuer')}>${escapeXml(issuer)}</${t('Issuer')}>${signature === 'assertion' || signature === 'both' ? fakeSignature(assertionId) : ''}<${t('Subject')}><${t('NameID')} Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${escapeXml(options.nameId ?? 'alice')}</${t('NameID')}><${t('SubjectConfirmation')} Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><${t('SubjectConfirmationData')} NotOnOrAfter="${notOnOrAfter}"${recipientAttr}/></${t('SubjectConfirmation')}></${t('Subject')}><${t('Conditions')} NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}">${audienceXml}</${t('Conditions')}><${t('AuthnStatement')} AuthnInstant="${notBefore}" SessionIndex="${assertionId}"><${t('AuthnContext')}><${t('AuthnContextClassRef')}>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</${t('AuthnContextClassRef')}></${t('AuthnContext')}></${t('AuthnStatement')}><${t('AttributeStatement')}>${attributeXml}</${t('AttributeStatement')}></${t('Assertion')}>`;
  if (options.bareAssertion) return assertion;
  const destinationAttr = destination === null ? '' : ` Destination="${escapeXml(destination)}"`;
  const status = options.statusCode ?? 'urn:oasis:names:tc:SAML:2.0:status:Success';
  return `<?xml version="1.0" encoding="UTF-8"?><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="${responseId}" Version="2.0" IssueInstant="${notBefore}"${destinationAttr}><${t('Issuer')} ${ns}>${escapeXml(issuer)}</${t('Issuer')}>${signature === 'response' || signature === 'both' ? fakeSignature(responseId) : ''}<samlp:Status><samlp:StatusCode Value="${status}"/></samlp:Status>${assertion}</samlp:Response>`;
}

/** Base64 as Node would produce it; the tests compare the core's decoder against this. */
export function toBase64(xml: string): string {
  return Buffer.from(xml, 'utf8').toString('base64');
}
