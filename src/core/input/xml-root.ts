import { SamlInputError } from '../errors.ts';

const SAML_ROOTS = new Set(['Response', 'Assertion', 'Envelope']);

/**
 * The local name of the document element, skipping the XML declaration, comments and processing
 * instructions. Refuses a DOCTYPE.
 */
export function rootElementName(xml: string): string {
  let i = 0;
  for (;;) {
    while (i < xml.length && xml.charCodeAt(i) <= 32) i++;
    if (xml.startsWith('<?', i)) i = skipPast(xml, i, '?>');
    else if (xml.startsWith('<!--', i)) i = skipPast(xml, i, '-->');
    else if (xml.startsWith('<!', i)) {
      // A DTD is how entity bombs and XXE get in; the scanner refuses one anywhere else too.
      throw new SamlInputError(
        'doctype-forbidden',
        'the XML has a DOCTYPE declaration; SAML never needs one, so it is refused',
      );
    } else break;
  }
  const match = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(xml.slice(i, i + 200));
  if (!match) throw new SamlInputError('not-xml', `expected an XML element at character ${i + 1}`);
  const name = match[2]!;
  if (!SAML_ROOTS.has(name)) {
    throw new SamlInputError(
      'no-saml-message',
      `the XML is a <${match[1] ?? ''}${name}>, not a SAML Response, Assertion or SOAP envelope`,
    );
  }
  return name;
}

function skipPast(xml: string, from: number, terminator: string): number {
  const end = xml.indexOf(terminator, from);
  if (end < 0)
    throw new SamlInputError(
      'not-xml',
      `unterminated "${xml.slice(from, from + 4)}" at character ${from + 1}`,
    );
  return end + terminator.length;
}
