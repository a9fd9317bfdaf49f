import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { parseSamlXml, type SamlMessage } from '../../core/inspect.ts';
import type { TrustedIdp } from './trust.ts';

const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

export type VerifyFailure =
  'malformed' | 'untrusted-issuer' | 'unsigned' | 'bad-signature' | 'unsupported';

export type Verification =
  | { ok: true; saml: SamlMessage; idp: TrustedIdp; signedElement: 'response' | 'assertion' }
  | { ok: false; failure: VerifyFailure; reason: string };

const fail = (failure: VerifyFailure, reason: string): Verification => ({
  ok: false,
  failure,
  reason,
});

/**
 * Verifies a SAML Response against trusted IdPs and returns only what the signature covers.
 * Against signature wrapping: exactly one Assertion may exist anywhere, the Reference must point
 * at the Response or that Assertion by a unique ID, and the values used are parsed from the XML
 * xml-crypto reports as signed (getSignedReferences), not from the document as received.
 */
export function verifySamlResponse(xml: string, trusted: readonly TrustedIdp[]): Verification {
  if (/<!DOCTYPE/i.test(xml)) return fail('malformed', 'the response contains a DOCTYPE');
  let document: Document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml') as unknown as Document;
  } catch (error) {
    return fail(
      'malformed',
      `the response is not well-formed XML: ${error instanceof Error ? error.message.split('\n', 1)[0] : String(error)}`,
    );
  }
  const response = document.documentElement;
  if (!response || response.localName !== 'Response' || response.namespaceURI !== PROTOCOL)
    return fail('malformed', 'the document is not a SAML 2.0 Response');
  if (document.getElementsByTagNameNS(ASSERTION, 'EncryptedAssertion').length > 0)
    return fail(
      'unsupported',
      'the response has an EncryptedAssertion; the stand-in has no SP key to decrypt it',
    );
  const assertions = document.getElementsByTagNameNS(ASSERTION, 'Assertion');
  const assertion = assertions[0];
  if (assertions.length !== 1 || !assertion || assertion.parentNode !== response)
    return fail(
      'malformed',
      `the response must hold exactly one Assertion as a child of the Response, found ${assertions.length}`,
    );
  const issuerText =
    (
      directChild(assertion, ASSERTION, 'Issuer') ?? directChild(response, ASSERTION, 'Issuer')
    )?.textContent?.trim() ?? '';
  const idp = trusted.find((t) => t.entityId === issuerText);
  if (!idp)
    return fail(
      'untrusted-issuer',
      `the Issuer "${issuerText}" is not a trusted identity provider (no metadata for it was given)`,
    );
  const full = parseSamlXml(xml);
  for (const [element, on] of [
    [response, 'response'],
    [assertion, 'assertion'],
  ] as const) {
    const signature = directChild(element, DSIG, 'Signature');
    if (!signature) continue;
    const signed = checkSignature(xml, document, element, signature, idp);
    if (typeof signed !== 'string') return signed;
    const authenticated = parseSamlXml(signed);
    const saml: SamlMessage =
      on === 'response'
        ? { ...authenticated, signatures: full.signatures }
        : {
            ...authenticated,
            kind: 'response',
            ...definedFields({
              responseId: full.responseId,
              inResponseTo: full.inResponseTo,
              destination: full.destination,
            }),
            status: full.status,
            signatures: full.signatures,
          };
    if (on === 'response' && authenticated.assertionId !== full.assertionId)
      return fail('bad-signature', 'the signed Response does not hold the Assertion that was sent');
    if (saml.issuer?.trim() !== idp.entityId)
      return fail(
        'untrusted-issuer',
        `the signed Issuer "${saml.issuer ?? ''}" is not ${idp.entityId}`,
      );
    return { ok: true, saml, idp, signedElement: on };
  }
  return fail('unsigned', 'neither the Response nor the Assertion is signed');
}

/** Checks one enveloped signature; returns the signed XML, or a failure. */
function checkSignature(
  xml: string,
  document: Document,
  element: Element,
  signature: Element,
  idp: TrustedIdp,
): string | Verification {
  const id = element.getAttribute('ID') ?? '';
  const references = signature.getElementsByTagNameNS(DSIG, 'Reference');
  if (references.length !== 1 || references[0]!.getAttribute('URI') !== `#${id}` || id === '') {
    return fail(
      'bad-signature',
      `the ${element.localName} signature must have one Reference to its own ID "#${id}"`,
    );
  }
  if (countIds(document, id) !== 1)
    return fail('bad-signature', `the ID "${id}" appears more than once`);
  let lastError = 'the signature does not verify with the certificate in the trusted metadata';
  for (const publicCert of idp.certificates) {
    const verifier = new SignedXml({ publicCert, getCertFromKeyInfo: () => null });
    try {
      verifier.loadSignature(signature);
      if (verifier.checkSignature(xml)) {
        const signed = verifier.getSignedReferences();
        if (signed.length === 1 && signed[0]) return signed[0];
        lastError = 'the signature covers more than one reference';
      }
    } catch (error) {
      lastError = `the signature does not verify: ${error instanceof Error ? error.message.split('\n', 1)[0] : String(error)}`;
    }
  }
  return fail('bad-signature', lastError);
}

function directChild(parent: Element, namespace: string, localName: string): Element | undefined {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (
      node.nodeType === 1 &&
      (node as Element).localName === localName &&
      (node as Element).namespaceURI === namespace
    )
      return node as Element;
  }
  return undefined;
}

function countIds(document: Document, id: string): number {
  let count = 0;
  const all = document.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    if (
      el.getAttribute('ID') === id ||
      el.getAttribute('Id') === id ||
      el.getAttribute('id') === id
    )
      count++;
  }
  return count;
}

/** The fields that have a value: the Response's own facts, when the IdP sent them. */
function definedFields<T extends Record<string, string | undefined>>(
  fields: T,
): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: string;
  };
}
