import { SignedXml } from 'xml-crypto';
import type { SignMode } from '../config/types.ts';
import type { SigningKeys } from '../crypto/keystore.ts';

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

const RESPONSE = "/*[local-name(.)='Response']";
const ASSERTION = `${RESPONSE}/*[local-name(.)='Assertion']`;

/** Signs the Assertion, the Response or both (assertion first, so the response covers it). */
export function signResponse(xml: string, mode: SignMode, keys: SigningKeys): string {
  let signed = xml;
  if (mode === 'assertion' || mode === 'both') signed = signElement(signed, ASSERTION, keys);
  if (mode === 'response' || mode === 'both') signed = signElement(signed, RESPONSE, keys);
  return signed;
}

/** One enveloped signature over `xpath` (exclusive c14n, RSA-SHA256), placed after its Issuer. */
function signElement(xml: string, xpath: string, keys: SigningKeys): string {
  // KeyInfo is built from the certificate once per key: left to xml-crypto, it re-validates the
  // PEM on every signature, which costs more than the RSA operation itself.
  const keyInfo = `<ds:X509Data><ds:X509Certificate>${keys.certBase64}</ds:X509Certificate></ds:X509Data>`;
  const signer = new SignedXml({
    privateKey: keys.privateKey,
    getKeyInfoContent: () => keyInfo,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
  });
  signer.addReference({ xpath, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: SHA256 });
  signer.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `${xpath}/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return signer.getSignedXml();
}
