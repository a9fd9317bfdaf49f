import { acsUrlProblem } from './acs-url.ts';
import { attributeText, children } from '../../core/xml.ts';
import { parseForeignXml, XmlInputError } from './xml-text.ts';

const HTTP_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

/** What an application needs from a service provider's metadata (e.g. IAM Identity Center's). */
export interface SpMetadata {
  entityId: string;
  acsUrl: string;
}

/**
 * Reads SP metadata: the entity ID becomes the audience and the HTTP-POST AssertionConsumerService
 * (the default one, else the lowest index) the ACS URL.
 */
export function parseSpMetadata(xml: string): SpMetadata {
  const root = parseForeignXml(xml, 'the SP metadata');
  const entity =
    children(root, 'EntityDescriptor')[0] ??
    children(children(root, 'EntitiesDescriptor')[0], 'EntityDescriptor')[0];
  if (!entity) throw new XmlInputError('the SP metadata has no EntityDescriptor');
  const entityId = attributeText(entity, 'entityID')?.trim();
  if (!entityId) throw new XmlInputError('the SP metadata EntityDescriptor has no entityID');
  const sp = children(entity, 'SPSSODescriptor')[0];
  if (!sp) throw new XmlInputError(`the SP metadata for ${entityId} has no SPSSODescriptor`);
  const services = children(sp, 'AssertionConsumerService').filter(
    (s) => attributeText(s, 'Binding') === HTTP_POST,
  );
  const chosen =
    services.find((s) => attributeText(s, 'isDefault') === 'true') ??
    [...services].sort(
      (a, b) => Number(attributeText(a, 'index') ?? 0) - Number(attributeText(b, 'index') ?? 0),
    )[0];
  const acsUrl = attributeText(chosen, 'Location')?.trim();
  if (!acsUrl)
    throw new XmlInputError(
      `the SP metadata for ${entityId} has no HTTP-POST AssertionConsumerService with a Location`,
    );
  const problem = acsUrlProblem(acsUrl);
  if (problem) throw new XmlInputError(`the SP metadata for ${entityId}: ${problem}`);
  return { entityId, acsUrl };
}
