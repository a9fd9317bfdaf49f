// The assertion and STS answers the CLI credentials tests share: two roles in two accounts.
import { buildSamlResponse, providerArn, roleArn, toBase64 } from '../support/saml-fixture.ts';

export const DEV = roleArn('111111111111', 'Dev');
export const OPS = roleArn('222222222222', 'Ops');

export const ASSERTION = toBase64(
  buildSamlResponse({
    roles: [
      [DEV, providerArn('111111111111')],
      [OPS, providerArn('222222222222')],
    ],
  }),
);

/** A well-formed AssumeRoleWithSAML answer for the role, with the expiration as given. */
export function stsAnswer(roleName: string, expiration = '2026-11-27T22:00:00Z'): string {
  return `<AssumeRoleWithSAMLResponse><AssumeRoleWithSAMLResult>
  <AssumedRoleUser><Arn>arn:aws:sts::111111111111:assumed-role/${roleName}/u</Arn></AssumedRoleUser>
  <Credentials><AccessKeyId>ASIA${roleName.toUpperCase().padEnd(16, '0')}</AccessKeyId>
  <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
  <SessionToken>IQoJb3JpZ2luX2VjEOz//////////wEaCXVz</SessionToken>
  <Expiration>${expiration}</Expiration></Credentials>
</AssumeRoleWithSAMLResult></AssumeRoleWithSAMLResponse>`;
}
