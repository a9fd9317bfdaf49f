import { SamlInputError } from '../errors.ts';

/** Percent-decodes one form value; `plusIsSpace` follows application/x-www-form-urlencoded. */
export function percentDecode(value: string, field: string, plusIsSpace: boolean): string {
  const spaced = plusIsSpace ? value.replace(/\+/g, ' ') : value;
  if (spaced.indexOf('%') < 0) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    const bad = /%(?![0-9a-fA-F]{2})/.exec(spaced);
    const where = bad ? ` at position ${bad.index + 1}` : '';
    throw new SamlInputError('not-base64', `${field} has malformed URL-encoding${where}`);
  }
}

/**
 * Reads `a=b&c=d` (a POST body or a query string). SAMLResponse keeps a literal '+': base64 has
 * no spaces, and pasted bodies often carry '+' unencoded.
 */
export function parseFormBody(body: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const name = percentDecode(rawName, 'a form field name', true).trim();
    if (fields.has(name)) continue;
    fields.set(
      name,
      percentDecode(rawValue, name, name !== 'SAMLResponse' && name !== 'SAMLRequest'),
    );
  }
  return fields;
}

/**
 * True when the text is a form body or a URL with a query string carrying a SAML field: it starts
 * with a field or a URL (an HTTP request dump starts with a method, and is read elsewhere).
 */
export function looksLikeFormBody(text: string): boolean {
  // The substring check first keeps plain base64 (the common case) away from the patterns.
  if (!text.includes('SAMLResponse=') && !text.includes('SAMLRequest=')) return false;
  return (
    /^(?:[a-z][a-z0-9+.-]*:\/\/[^\s?]*\?)?[\w.%-]+=/i.test(text) &&
    /(?:^|[?&])SAML(?:Response|Request)=/.test(text)
  );
}
