import { NAME_ID_FORMAT_URIS } from './build-response.ts';
import { escapeXml as x } from './xml-text.ts';

/**
 * IdP metadata as AWS IAM accepts it for a SAML identity provider: the entity ID, the signing
 * certificate and the SSO service for both bindings.
 */
export function buildIdpMetadata(options: {
  entityId: string;
  ssoUrl: string;
  certBase64: string;
}): string {
  const formats = Object.values(NAME_ID_FORMAT_URIS)
    .map((uri) => `    <md:NameIDFormat>${uri}</md:NameIDFormat>\n`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${x(options.entityId)}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>${options.certBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
    </md:KeyDescriptor>
${formats}    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${x(options.ssoUrl)}"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${x(options.ssoUrl)}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`;
}
