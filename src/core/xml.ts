// Entry: the strict XML scanner and its readers, for anything that reads XML from outside (the
// IdP's AuthnRequests and SP metadata, the stand-in's trust). Never expands an entity.
export { scanXml, scanXmlDocument, type XmlElement, type XmlScan } from './saml/xml-scan.ts';
export { attribute, attributeText, child, children, elementText } from './saml/xml-tree.ts';
export { NS } from './saml/namespaces.ts';
export { decodeCharacterReferences } from './encoding/entities.ts';
