import { signinUrl, type StandInPartition } from '../judge/aws-endpoints.ts';

/**
 * The trust policy IAM's console writes for a role created for SAML 2.0 federation: the provider
 * as the Federated principal may call sts:AssumeRoleWithSAML when `SAML:aud` is the sign-in URL.
 * The stand-in gives it to every role ROLES.yaml does not list.
 */
export function samlFederationTrustPolicy(
  providerArn: string,
  partition: StandInPartition,
): TrustPolicy {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: providerArn },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': signinUrl(partition) } },
      },
    ],
  };
}

/** A trust policy document as IAM stores it: JSON, read but not interpreted here. */
export type TrustPolicy = Record<string, unknown>;
