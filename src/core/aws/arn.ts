import { isKnownPartition } from './partition.ts';
import type { KnownPartition } from './types.ts';

export interface IamArn {
  partition: KnownPartition;
  accountId: string;
  /** `role` or `saml-provider`. */
  resourceType: 'role' | 'saml-provider';
  /** For a role: path + name (`team/ReadOnly`); for a provider: its name. */
  name: string;
  /** The bare name, last path segment. */
  baseName: string;
  path: string;
}

export type ArnParse = { ok: true; arn: IamArn } | { ok: false; reason: string };

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const PATH_SEGMENT = /^[\u0021-\u007e]+$/;
const PROVIDER_NAME = /^[\w.-]{1,128}$/;

// The shape nearly every real value has; one match instead of the step-by-step diagnosis below.
const WELL_FORMED =
  /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}):(?:role\/((?:[\u0021-\u002e\u0030-\u007e]+\/)*)([\w+=,.@-]{1,64})|saml-provider\/([\w.-]{1,128}))$/;

/** Parses an IAM role or saml-provider ARN and says precisely what is wrong with a bad one. */
export function parseIamArn(value: string): ArnParse {
  const fast = WELL_FORMED.exec(value);
  if (fast) {
    const [, partition, accountId, rolePath, roleName, providerName] = fast as unknown as [
      string,
      KnownPartition,
      string,
      string | undefined,
      string | undefined,
      string | undefined,
    ];
    if (providerName !== undefined) {
      return {
        ok: true,
        arn: {
          partition,
          accountId,
          resourceType: 'saml-provider',
          name: providerName,
          baseName: providerName,
          path: '/',
        },
      };
    }
    const path = rolePath ?? '';
    return {
      ok: true,
      arn: {
        partition,
        accountId,
        resourceType: 'role',
        name: path + roleName!,
        baseName: roleName!,
        path: `/${path}`,
      },
    };
  }
  return diagnoseIamArn(value);
}

function diagnoseIamArn(value: string): ArnParse {
  const parts = value.split(':');
  if (parts.length !== 6 || parts[0] !== 'arn') {
    return {
      ok: false,
      reason: `"${value}" is not an ARN of the form arn:PARTITION:iam::ACCOUNT:role/NAME`,
    };
  }
  const [, partition = '', service, region, accountId = '', resource = ''] = parts;
  if (!isKnownPartition(partition))
    return { ok: false, reason: `unknown partition "${partition}" in "${value}"` };
  if (service !== 'iam')
    return { ok: false, reason: `service is "${service}", expected "iam" in "${value}"` };
  if (region !== '')
    return { ok: false, reason: `IAM ARNs have no region, found "${region}" in "${value}"` };
  if (!/^\d{12}$/.test(accountId))
    return { ok: false, reason: `account ID "${accountId}" is not 12 digits in "${value}"` };
  const slash = resource.indexOf('/');
  const type = slash < 0 ? resource : resource.slice(0, slash);
  const rest = slash < 0 ? '' : resource.slice(slash + 1);
  if (type !== 'role' && type !== 'saml-provider') {
    return {
      ok: false,
      reason: `resource type "${type}" is neither "role" nor "saml-provider" in "${value}"`,
    };
  }
  if (rest === '') return { ok: false, reason: `no ${type} name in "${value}"` };
  const segments = rest.split('/');
  const baseName = segments[segments.length - 1]!;
  if (type === 'saml-provider') {
    if (segments.length !== 1 || !PROVIDER_NAME.test(baseName)) {
      return {
        ok: false,
        reason: `saml-provider name "${rest}" is not 1-128 of letters, digits, "._-" in "${value}"`,
      };
    }
  } else {
    if (!ROLE_NAME.test(baseName))
      return {
        ok: false,
        reason: `role name "${baseName}" is not 1-64 of letters, digits, "+=,.@_-" in "${value}"`,
      };
    if (segments.slice(0, -1).some((s) => s === '' || !PATH_SEGMENT.test(s))) {
      return { ok: false, reason: `role path in "${value}" has an empty or invalid segment` };
    }
  }
  return {
    ok: true,
    arn: {
      partition,
      accountId,
      resourceType: type,
      name: rest,
      baseName,
      path: segments.length > 1 ? `/${segments.slice(0, -1).join('/')}/` : '/',
    },
  };
}
