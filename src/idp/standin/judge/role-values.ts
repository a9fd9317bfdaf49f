import type { SamlAttribute } from '../../../core/inspect.ts';
import { isStandInPartition, type StandInPartition } from './aws-endpoints.ts';
import { refuse, type Refusal } from './refusal.ts';

export const ROLE_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/Role';

/** One `role,provider` pair of the Role attribute, as IAM reads it. */
export interface StandInRole {
  roleArn: string;
  providerArn: string;
  partition: StandInPartition;
  accountId: string;
  /** With its path, e.g. `team/ReadOnly`. */
  roleName: string;
  providerName: string;
}

// IAM's ARN shapes: a role name is 1-64 of [\w+=,.@-] after an optional /path/; a SAML provider's
// name is 1-128 of [\w._-].
const ROLE_ARN = /^arn:([a-z-]+):iam::(\d{12}):role\/((?:[\x21-\x7e]+\/)?([\w+=,.@-]{1,64}))$/;
const PROVIDER_ARN = /^arn:([a-z-]+):iam::(\d{12}):saml-provider\/([\w.-]{1,128})$/;

/**
 * Every Role value read as a pair, in the order sent, each pair once. A value is two ARNs, a role
 * and a provider, in either order; blank parts after them (a trailing comma) are ignored, as AWS
 * ignores them. Any other value is refused: AWS's sign-in answers "Your request included an invalid
 * SAML response" for a Role attribute it cannot read.
 */
export function readRoles(attributes: readonly SamlAttribute[]): StandInRole[] | Refusal {
  const values = attributes.filter((a) => a.name === ROLE_ATTRIBUTE).flatMap((a) => a.values);
  if (values.length === 0)
    return refuse(
      'InvalidIdentityToken',
      `the response has no ${ROLE_ATTRIBUTE} attribute value; each must pair a role ARN with a SAML provider ARN`,
    );
  const roles = new Map<string, StandInRole>();
  for (const [index, value] of values.entries()) {
    const role = readRoleValue(value);
    if (typeof role === 'string')
      return refuse('InvalidIdentityToken', `Role value ${index + 1} "${value}" ${role}`);
    roles.set(`${role.roleArn},${role.providerArn}`, role);
  }
  return [...roles.values()];
}

function readRoleValue(value: string): StandInRole | string {
  const parts = value.split(',').map((part) => part.trim());
  while (parts.length > 2 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length !== 2) return `is not two comma-separated ARNs (${parts.length} parts)`;
  const role = parts.map((p) => ROLE_ARN.exec(p)).find((m) => m);
  const provider = parts.map((p) => PROVIDER_ARN.exec(p)).find((m) => m);
  if (!role) return 'has no valid IAM role ARN (arn:PARTITION:iam::ACCOUNT:role/NAME)';
  if (!provider)
    return 'has no valid SAML provider ARN (arn:PARTITION:iam::ACCOUNT:saml-provider/NAME)';
  const [roleArn, partition, accountId, roleName] = role as unknown as string[];
  const [providerArn, providerPartition, providerAccount, providerName] =
    provider as unknown as string[];
  if (!isStandInPartition(partition!))
    return `names partition "${partition}", which has no sign-in`;
  if (providerPartition !== partition || providerAccount !== accountId)
    return 'pairs a role with a provider of another account or partition';
  return {
    roleArn: roleArn!,
    providerArn: providerArn!,
    partition,
    accountId: accountId!,
    roleName: roleName!,
    providerName: providerName!,
  };
}
