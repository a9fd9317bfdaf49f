// A minimal AWS SAML Response built as text, so worker tests run the real core on it.
export interface FixtureOptions {
  roles?: number;
  accounts?: number;
  sessionName?: string;
  notOnOrAfter?: string;
  issuer?: string;
  /** Adds a (structurally valid, cryptographically meaningless) Signature; default true. */
  signed?: boolean;
}

export function roleArn(account: number, role: number): string {
  return `arn:aws:iam::${String(100000000000 + account)}:role/team/Role${role}`;
}

const SIGNATURE = `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="#_a1"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>`;

export function samlResponseXml(options: FixtureOptions = {}): string {
  const {
    roles = 3,
    accounts = 1,
    sessionName = 'alice@example.com',
    notOnOrAfter = '2030-01-01T00:05:00Z',
  } = options;
  const issuer = options.issuer ?? 'https://idp.example.com/';
  const values: string[] = [];
  for (let i = 0; i < roles; i++) {
    const account = i % accounts;
    const provider = `arn:aws:iam::${String(100000000000 + account)}:saml-provider/Example`;
    values.push(`<saml:AttributeValue>${roleArn(account, i)},${provider}</saml:AttributeValue>`);
  }
  return `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" IssueInstant="2030-01-01T00:00:00Z" Destination="https://signin.aws.amazon.com/saml">
<saml:Issuer>${issuer}</saml:Issuer>
<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
<saml:Assertion ID="_a1" Version="2.0" IssueInstant="2030-01-01T00:00:00Z">
<saml:Issuer>${issuer}</saml:Issuer>${options.signed === false ? '' : SIGNATURE}
<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${sessionName}</saml:NameID>
<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}" Recipient="https://signin.aws.amazon.com/saml"/></saml:SubjectConfirmation></saml:Subject>
<saml:Conditions NotBefore="2029-12-31T23:59:00Z" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>https://signin.aws.amazon.com/saml</saml:Audience></saml:AudienceRestriction></saml:Conditions>
<saml:AuthnStatement AuthnInstant="2030-01-01T00:00:00Z" SessionIndex="_s1"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>
<saml:AttributeStatement>
<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role">${values.join('')}</saml:Attribute>
<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName"><saml:AttributeValue>${sessionName}</saml:AttributeValue></saml:Attribute>
</saml:AttributeStatement>
</saml:Assertion>
</samlp:Response>`;
}

export const samlResponseBase64 = (options?: FixtureOptions): string =>
  Buffer.from(samlResponseXml(options)).toString('base64');

/** 2030-01-01T00:01:00Z: inside the fixture's validity window. */
export const FIXTURE_NOW = Date.parse('2030-01-01T00:01:00Z');
export const FIXTURE_EXPIRY = Date.parse('2030-01-01T00:05:00Z');
