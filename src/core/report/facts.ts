import type { Inspection } from '../inspection.ts';

/** The session facts both human formats show, label then value, in one order. */
export function sessionFacts(inspection: Inspection): [string, string][] {
  const { saml, aws } = inspection;
  const facts: [string, string | undefined][] = [
    ['Issuer', saml.issuer],
    [
      'NameID',
      saml.nameId
        ? `${saml.nameId.value}${saml.nameId.format ? ` (${shortFormat(saml.nameId.format)})` : ''}`
        : undefined,
    ],
    ['Session name', aws.sessionName],
    [
      'Session duration',
      aws.sessionDurationRaw !== undefined ? `${aws.sessionDurationRaw} s` : undefined,
    ],
    ['Source identity', aws.sourceIdentity],
    ['Audience', saml.audiences.join(', ') || undefined],
    ['Recipient', saml.recipient],
    ['Destination', saml.destination],
    ['Valid', window(saml.notBefore, saml.notOnOrAfter)],
    ['Status', saml.status.code ? shortFormat(saml.status.code) : undefined],
    ['Signed', saml.signatures.length ? saml.signatures.map((s) => s.on).join(' + ') : 'no'],
    ['Identity Center', aws.identityCenter?.acsUrl],
  ];
  return facts.filter((fact): fact is [string, string] => fact[1] !== undefined);
}

function window(
  notBefore: string | undefined,
  notOnOrAfter: string | undefined,
): string | undefined {
  if (!notBefore && !notOnOrAfter) return undefined;
  return `${notBefore ?? '…'} to ${notOnOrAfter ?? '…'}`;
}

/** `urn:oasis:names:tc:SAML:2.0:status:Success` -> `Success`. */
function shortFormat(urn: string): string {
  return urn.slice(urn.lastIndexOf(':') + 1);
}
