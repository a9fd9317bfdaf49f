import { AWS_ATTRIBUTES } from '../aws/attributes.ts';
import type { SamlMessage } from '../saml/model.ts';

/** One `PrincipalTag:KEY` attribute as sent (the view keeps only the first per key). */
export interface SentPrincipalTag {
  key: string;
  values: string[];
  attributeName: string;
}

/** Every PrincipalTag attribute in document order, duplicates included. */
export function sentPrincipalTags(saml: SamlMessage): SentPrincipalTag[] {
  const prefix = AWS_ATTRIBUTES.principalTagPrefix;
  return saml.attributes
    .filter((attribute) => attribute.name.startsWith(prefix))
    .map((attribute) => ({
      key: attribute.name.slice(prefix.length),
      values: attribute.values,
      attributeName: attribute.name,
    }));
}
