import { X509Certificate } from 'node:crypto';
import { attributeText, children, elementText } from '../../core/xml.ts';
import { parseForeignXml, XmlInputError } from '../saml/xml-text.ts';

/** An identity provider the stand-in trusts, as IAM learns it from the provider's metadata. */
export interface TrustedIdp {
  entityId: string;
  /** Signing certificates as PEM. */
  certificates: string[];
}

/** Reads IdP metadata the way IAM does when a SAML provider is created: entity ID and signing certs. */
export function parseTrustedIdpMetadata(xml: string): TrustedIdp {
  const root = parseForeignXml(xml, 'the IdP metadata');
  const entity = children(root, 'EntityDescriptor')[0];
  const entityId = attributeText(entity, 'entityID')?.trim();
  if (!entity || !entityId)
    throw new XmlInputError('the IdP metadata has no EntityDescriptor with an entityID');
  const idp = children(entity, 'IDPSSODescriptor')[0];
  if (!idp) throw new XmlInputError(`the metadata of ${entityId} has no IDPSSODescriptor`);
  const certificates = children(idp, 'KeyDescriptor')
    .filter((k) => (attributeText(k, 'use') ?? 'signing') === 'signing')
    .flatMap((k) => children(children(k, 'KeyInfo')[0], 'X509Data'))
    .flatMap((d) => children(d, 'X509Certificate'))
    .map((c) => toPem(elementText(c) ?? '', entityId));
  if (certificates.length === 0)
    throw new XmlInputError(`the metadata of ${entityId} has no signing certificate`);
  return { entityId, certificates };
}

function toPem(base64: string, entityId: string): string {
  const body = base64.replace(/\s+/g, '');
  const pem = `-----BEGIN CERTIFICATE-----\n${body.replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  try {
    new X509Certificate(pem);
  } catch {
    throw new XmlInputError(
      `the metadata of ${entityId} has a signing certificate that is not valid X.509`,
    );
  }
  return pem;
}
