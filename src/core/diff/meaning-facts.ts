import type { Inspection } from '../inspect/inspection.ts';
import type { SignatureInfo } from '../saml/model.ts';
import { parseSamlTime } from '../saml/time.ts';

/**
 * The session facts two assertions are compared on, label then value (null when absent).
 *
 * Left out, because they change on every sign-in without changing what AWS grants: the Response
 * and Assertion IDs, InResponseTo and SessionIndex (identifiers); IssueInstant, AuthnInstant and
 * the absolute NotBefore / NotOnOrAfter values (instants: the window's *lengths* are compared
 * instead); signature and digest values and the certificate (they sign the changing IDs and
 * instants). Which element is signed, with which algorithms, and whether the signature points at
 * its own element are compared: they decide whether AWS accepts the response.
 */
export function meaningFacts(inspection: Inspection): [string, string | null][] {
  const { saml, aws } = inspection;
  const issued = timeOf(saml.issueInstant);
  const status = [saml.status.code, saml.status.subCode].filter(Boolean).join(' / ');
  return [
    ['Message', saml.kind === 'response' ? 'Response' : 'bare Assertion'],
    ['Status', status || null],
    ['Issuer', saml.issuer ?? null],
    ['NameID', saml.nameId?.value ?? null],
    ['NameID format', saml.nameId?.format ?? null],
    ['Session name', aws.sessionName ?? null],
    ['Session duration', aws.sessionDurationRaw ?? null],
    ['Source identity', aws.sourceIdentity ?? null],
    // AWS accepts the response when any audience matches: the order carries no meaning.
    ['Audience', saml.audiences.length ? [...saml.audiences].sort().join('\n') : null],
    ['Recipient', saml.recipient ?? null],
    ['Destination', saml.destination ?? null],
    ['Validity window', span(saml.notBefore, saml.notOnOrAfter, 'NotBefore')],
    ['NotBefore from IssueInstant', offset(issued, saml.notBefore)],
    ['NotOnOrAfter from IssueInstant', offset(issued, saml.notOnOrAfter)],
    ['Subject NotOnOrAfter from IssueInstant', offset(issued, saml.subjectNotOnOrAfter)],
    ['Signature on Response', signatureOn(saml.signatures, 'response')],
    ['Signature on Assertion', signatureOn(saml.signatures, 'assertion')],
    ['Encrypted assertion', saml.encryptedAssertion ? 'yes' : null],
    ['Identity Center ACS', aws.identityCenter?.acsUrl ?? null],
  ];
}

type Time = number | 'invalid' | undefined;

function timeOf(value: string | undefined): Time {
  return value === undefined ? undefined : (parseSamlTime(value) ?? 'invalid');
}

/** NotOnOrAfter − NotBefore, as a length. */
function span(from: string | undefined, to: string | undefined, fromName: string): string | null {
  if (to === undefined) return null;
  return offset(timeOf(from), to, fromName);
}

/** `value` relative to `base`: a length, never the instant itself. */
function offset(base: Time, value: string | undefined, baseName = 'IssueInstant'): string | null {
  if (value === undefined) return null;
  const time = timeOf(value);
  if (time === 'invalid') return 'not a valid xs:dateTime';
  if (base === undefined) return `set (no ${baseName} to measure from)`;
  if (base === 'invalid') return `set (${baseName} is not a valid xs:dateTime)`;
  return signedSeconds((time! - base) / 1000);
}

function signedSeconds(seconds: number): string {
  return seconds === 0 ? '0 s' : `${seconds > 0 ? '+' : '−'}${Math.abs(seconds)} s`;
}

function signatureOn(signatures: readonly SignatureInfo[], on: SignatureInfo['on']): string | null {
  const described = signatures.filter((s) => s.on === on).map(describeSignature);
  return described.length ? described.join('\n') : null;
}

function describeSignature(signature: SignatureInfo): string {
  const method = shortAlgorithm(signature.signatureAlgorithm);
  const digest = shortAlgorithm(signature.digestAlgorithm);
  // Compared as "same or not", never by value: the IDs themselves change on every sign-in.
  const reference =
    signature.referenceId === undefined
      ? 'no reference'
      : signature.referenceId === signature.elementId
        ? 'references its own element'
        : 'references another element';
  return `${method}, digest ${digest}, ${reference}`;
}

/** `http://www.w3.org/2001/04/xmldsig-more#rsa-sha256` → `rsa-sha256`; unknown URIs stay whole. */
function shortAlgorithm(uri: string | undefined): string {
  if (uri === undefined) return 'none';
  const hash = uri.lastIndexOf('#');
  return hash >= 0 && hash < uri.length - 1 ? uri.slice(hash + 1) : uri;
}
