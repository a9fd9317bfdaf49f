/** The namespaces AWS reads a SAML response in. */
export const NS = {
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
  soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
} as const;

/** The top-level StatusCode of a response that succeeded. */
export const SAML_STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

/** The usual prefix for each namespace, for the fix a message suggests. */
export const USUAL_PREFIX: Readonly<Record<string, string>> = {
  [NS.assertion]: 'saml',
  [NS.protocol]: 'samlp',
  [NS.dsig]: 'ds',
  [NS.xenc]: 'xenc',
  [NS.soap11]: 'soap',
  [NS.soap12]: 'soap',
};
