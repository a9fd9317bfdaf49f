import { groupThousands } from '../group-thousands.ts';
import type { Inspection } from '../inspect/inspection.ts';

/**
 * The session facts every human format shows (CLI text, Markdown, the popup's details view), label
 * then value, in the order a person checks them.
 */
export function sessionFacts(inspection: Inspection): [string, string][] {
  const { saml, aws, input } = inspection;
  const signatures = saml.signatures.map(
    (s) => `${s.on}${s.signatureAlgorithm ? ` (${s.signatureAlgorithm.replace(/^.*#/, '')})` : ''}`,
  );
  const facts: [string, string | undefined][] = [
    ['Issuer', saml.issuer],
    ['NameID', saml.nameId?.value],
    ['NameID format', saml.nameId?.format],
    ['Session name', aws.sessionName],
    [
      'Session duration',
      aws.sessionDurationRaw === undefined ? undefined : `${aws.sessionDurationRaw} s`,
    ],
    ['Source identity', aws.sourceIdentity],
    ['Audience', saml.audiences.join('\n') || undefined],
    ['Recipient', saml.recipient],
    ['Destination', saml.destination],
    ['NotBefore', saml.notBefore],
    ['NotOnOrAfter', saml.notOnOrAfter],
    ['Subject NotOnOrAfter', saml.subjectNotOnOrAfter],
    ['Issued', saml.issueInstant],
    ['Status', saml.status.code?.replace(/^.*:/, '')],
    ['Signature', signatures.length ? `signed: ${signatures.join(', ')}` : 'none'],
    ['Encrypted assertion', saml.encryptedAssertion ? 'yes' : undefined],
    ['Identity Center ACS', aws.identityCenter?.acsUrl],
    ['RelayState', input.relayState],
    ['SAMLResponse size', `${groupThousands(input.base64Length)} base64 characters`],
  ];
  return facts.filter((fact): fact is [string, string] => fact[1] !== undefined && fact[1] !== '');
}
