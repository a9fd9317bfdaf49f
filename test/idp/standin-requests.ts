// Requests to the stand-in's handler as a browser or an STS client sends them, and a response
// signed by a test key: what the stand-in's STS and sign-in tests share.
import type { SigningKeys } from '../../src/idp/crypto/keystore.ts';
import { signResponse } from '../../src/idp/saml/sign.ts';
import type { StandInRequest } from '../../src/idp/standin/types.ts';
import { buildSamlResponse, type FixtureOptions } from '../support/saml-fixture.ts';

/** A fixture response, optionally edited, then signed whole by `keys`; base64 as posted. */
export function signedResponse(
  keys: SigningKeys,
  options: FixtureOptions = {},
  edit: (xml: string) => string = (xml) => xml,
): string {
  const xml = edit(buildSamlResponse({ signature: 'none', ...options }));
  return Buffer.from(signResponse(xml, 'response', keys)).toString('base64');
}

/** AssumeRoleWithSAML, as the STS query API takes it. */
export function stsRequest(form: Record<string, string>): StandInRequest {
  return {
    method: 'POST',
    path: '/',
    query: new URLSearchParams(),
    host: 'sts.amazonaws.com',
    scheme: 'https',
    body: new URLSearchParams({ Action: 'AssumeRoleWithSAML', ...form }).toString(),
  };
}

/** The IdP's form POST to AWS's global sign-in endpoint. */
export function signInRequest(SAMLResponse: string): StandInRequest {
  return {
    method: 'POST',
    path: '/saml',
    query: new URLSearchParams(),
    host: 'signin.aws.amazon.com',
    scheme: 'https',
    body: new URLSearchParams({ SAMLResponse }).toString(),
  };
}

/** The text of the first `<name>` element in an XML answer. */
export const elementText = (body: string, name: string): string | undefined =>
  new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
