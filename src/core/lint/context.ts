import { classifySamlEndpoint } from '../aws/endpoints.ts';
import { isPartition } from '../aws/partition.ts';
import type { Partition } from '../aws/types.ts';
import type { LintContext } from './types.ts';

/** Identity Center maps users to permission sets itself: IAM federation attributes are not expected. */
export function isIdentityCenter(context: LintContext): boolean {
  return context.aws.identityCenter !== undefined;
}

/**
 * An encrypted assertion hides its subject, conditions and attributes, so rules that report
 * something as missing stay quiet rather than guess (the `encrypted-assertion` rule says why).
 */
export function isAssertionHidden(context: LintContext): boolean {
  return context.saml.encryptedAssertion;
}

export interface ExpectedPartition {
  partition: Partition;
  region?: string;
  /** Where it was learnt, for messages: `Recipient "https://…"` or `role ARN "arn:…"`. */
  source: string;
}

/** The partition this response is for: from Recipient/Destination, else from the role ARNs. */
export function expectedPartition(context: LintContext): ExpectedPartition | undefined {
  const { saml, aws } = context;
  const endpoints: [string, string | undefined][] = [
    ['Recipient', saml.recipient],
    ['Destination', saml.destination],
  ];
  for (const [label, url] of endpoints) {
    const endpoint = url === undefined ? undefined : classifySamlEndpoint(url);
    if (endpoint) {
      const found: ExpectedPartition = {
        partition: endpoint.partition,
        source: `${label} "${url}"`,
      };
      if (endpoint.region) found.region = endpoint.region;
      return found;
    }
  }
  const role = aws.roles.find((pair) => isPartition(pair.partition));
  if (role && isPartition(role.partition)) {
    return { partition: role.partition, source: `role ARN "${role.roleArn}"` };
  }
  return undefined;
}
