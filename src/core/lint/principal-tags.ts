import { AWS_ATTRIBUTES } from '../aws/attributes.ts';
import type { SamlMessage } from '../saml/model.ts';

/** One `PrincipalTag:KEY` attribute (the view keeps only the first per key; rules need all). */
export interface SentPrincipalTag {
  key: string;
  values: string[];
  attributeName: string;
}

/** Every PrincipalTag attribute in document order, duplicates included. */
export function sentPrincipalTags(saml: SamlMessage): SentPrincipalTag[] {
  const prefix = AWS_ATTRIBUTES.principalTagPrefix;
  return saml.attributes.flatMap((attribute) => {
    // Trimmed as buildAwsView reads them, so the rules and the view agree on what is a tag.
    const name = attribute.name.trim();
    if (!name.startsWith(prefix)) return [];
    return [
      {
        key: name.slice(prefix.length),
        values: attribute.values.map((value) => value.trim()),
        attributeName: attribute.name,
      },
    ];
  });
}
