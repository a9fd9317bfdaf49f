/**
 * The SAML attributes AWS maps to trust-policy context keys, from IAM's "Configure SAML
 * assertions for the authentication response" (its three mapping tables), with the key names
 * spelled as in IAM's list of SAML condition keys. `list`: the key can hold several values (the
 * tables' "List of strings"); the others take one.
 */
export interface SamlAttributeKey {
  key: string;
  list: boolean;
}

const EDU: [oid: string, key: string, list: boolean][] = [
  ['1.3.6.1.4.1.5923.1.1.1.1', 'saml:edupersonaffiliation', true],
  ['1.3.6.1.4.1.5923.1.1.1.2', 'saml:edupersonnickname', true],
  ['1.3.6.1.4.1.5923.1.1.1.3', 'saml:edupersonorgdn', false],
  ['1.3.6.1.4.1.5923.1.1.1.4', 'saml:edupersonorgunitdn', true],
  ['1.3.6.1.4.1.5923.1.1.1.5', 'saml:edupersonprimaryaffiliation', false],
  ['1.3.6.1.4.1.5923.1.1.1.6', 'saml:edupersonprincipalname', false],
  ['1.3.6.1.4.1.5923.1.1.1.7', 'saml:edupersonentitlement', true],
  ['1.3.6.1.4.1.5923.1.1.1.8', 'saml:edupersonprimaryorgunitdn', false],
  ['1.3.6.1.4.1.5923.1.1.1.9', 'saml:edupersonscopedaffiliation', true],
  ['1.3.6.1.4.1.5923.1.1.1.10', 'saml:edupersontargetedid', true],
  ['1.3.6.1.4.1.5923.1.1.1.11', 'saml:edupersonassurance', true],
  ['1.3.6.1.4.1.5923.1.2.1.2', 'saml:eduorghomepageuri', true],
  ['1.3.6.1.4.1.5923.1.2.1.3', 'saml:eduorgidentityauthnpolicyuri', true],
  ['1.3.6.1.4.1.5923.1.2.1.4', 'saml:eduorglegalname', true],
  ['1.3.6.1.4.1.5923.1.2.1.5', 'saml:eduorgsuperioruri', true],
  ['1.3.6.1.4.1.5923.1.2.1.6', 'saml:eduorgwhitepagesuri', true],
  ['2.5.4.3', 'saml:cn', true],
];

const ACTIVE_DIRECTORY: [name: string, key: string][] = [
  ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name', 'saml:name'],
  ['http://schemas.xmlsoap.org/claims/CommonName', 'saml:commonName'],
  ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname', 'saml:givenName'],
  ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname', 'saml:surname'],
  ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', 'saml:mail'],
  // The mapping table says uid; the list of keys also has saml:primaryGroupSID (see below).
  ['http://schemas.microsoft.com/ws/2008/06/identity/claims/primarygroupsid', 'saml:uid'],
];

// The X.500 table names bare OIDs; IdPs send them as `urn:oid:` URIs, so both are read. Two of
// the table's OIDs are misprinted (2.4.5.42, 0.9.2342.19200300100.1.1 and .1.3): the registered
// ones (givenName 2.5.4.42, uid 0.9.2342.19200300.100.1.1, mail 0.9.2342.19200300.100.1.3) are
// read too, since an IdP sends those.
const X500: [oid: string, key: string][] = [
  ['2.5.4.3', 'saml:commonName'],
  ['2.5.4.4', 'saml:surname'],
  ['2.4.5.42', 'saml:givenName'],
  ['2.5.4.42', 'saml:givenName'],
  ['2.5.4.45', 'saml:x500UniqueIdentifier'],
  ['0.9.2342.19200300100.1.1', 'saml:uid'],
  ['0.9.2342.19200300.100.1.1', 'saml:uid'],
  ['0.9.2342.19200300100.1.3', 'saml:mail'],
  ['0.9.2342.19200300.100.1.3', 'saml:mail'],
  ['0.9.2342.19200300.100.1.45', 'saml:organizationStatus'],
];

/** Attribute Name -> the keys it sets. A Map: attribute names come from the assertion. */
export const SAML_ATTRIBUTE_KEYS: ReadonlyMap<string, readonly SamlAttributeKey[]> = build();

function build(): Map<string, SamlAttributeKey[]> {
  const map = new Map<string, SamlAttributeKey[]>();
  const add = (name: string, key: SamlAttributeKey): void => {
    map.set(name, [...(map.get(name) ?? []), key]);
  };
  for (const [oid, key, list] of EDU) add(`urn:oid:${oid}`, { key, list });
  for (const [name, key] of ACTIVE_DIRECTORY) add(name, { key, list: false });
  add('http://schemas.microsoft.com/ws/2008/06/identity/claims/primarygroupsid', {
    key: 'saml:primaryGroupSID',
    list: false,
  });
  // urn:oid:2.5.4.3 is the eduOrg table's cn; the bare 2.5.4.3 is the X.500 table's commonName.
  for (const [oid, key] of X500) {
    add(oid, { key, list: false });
    if (oid !== '2.5.4.3') add(`urn:oid:${oid}`, { key, list: false });
  }
  return map;
}

/** Lower-cased names of the keys that can hold several values (IAM's `[]` keys). */
export const MULTI_VALUED_KEYS: ReadonlySet<string> = new Set([
  ...EDU.filter(([, , list]) => list).map(([, key]) => key.toLowerCase()),
  'aws:tagkeys',
  'sts:transitivetagkeys',
]);
