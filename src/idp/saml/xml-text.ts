import { isSamlInputError } from '../../core/inspect.ts';
import { scanXml, type XmlElement } from '../../core/xml.ts';

/** Escapes text for an XML/HTML attribute value or element content. */
export function escapeXml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Escapes element content only (quotes stay as they are, as AWS's XML shows them). */
export function escapeXmlText(value: string): string {
  return value.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

/** Thrown for XML the IdP reads from outside (AuthnRequests, SP metadata) that it refuses. */
export class XmlInputError extends Error {
  override readonly name = 'XmlInputError';
}

/**
 * Parses small XML documents from outside with the core's strict scanner (the same one that reads
 * SAML responses): tags must balance, a DOCTYPE is refused so no entity is ever declared, let alone
 * expanded, and depth is bounded. Returns a document node whose one child is the root element;
 * `what` names the document in errors.
 */
export function parseForeignXml(xml: string, what: string): XmlElement {
  try {
    return { name: '#document', attributes: [], children: [scanXml(xml)], text: '' };
  } catch (error) {
    if (!isSamlInputError(error)) throw error;
    const reason = error.message.replace(/^the SAML message is /, '');
    throw new XmlInputError(
      error.code === 'doctype-forbidden'
        ? `${what} contains a DOCTYPE, which is refused (entities are never expanded)`
        : `${what}: ${reason}`,
    );
  }
}
