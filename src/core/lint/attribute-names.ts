import type { SamlAttribute, SamlMessage } from '../saml/model.ts';

/** Attributes with this name, compared as buildAwsView does (surrounding whitespace ignored). */
export function attributesNamed(saml: SamlMessage, name: string): SamlAttribute[] {
  return saml.attributes.filter((attribute) => attribute.name.trim() === name);
}
