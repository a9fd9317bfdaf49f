import { stsEndpointUrl } from '../aws/endpoints.ts';
import type { KnownPartition, Partition } from '../aws/types.ts';
import { checkCustomEndpoint } from './custom-endpoint.ts';
import { StsParameterError } from './errors.ts';

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

// Region prefixes of every partition but `aws`, as AWS's partition metadata names them; the
// isolated ones matter so `us-iso-east-1` is never read as an `aws` region.
const REGION_PREFIXES: readonly (readonly [string, KnownPartition])[] = [
  ['us-gov-', 'aws-us-gov'],
  ['cn-', 'aws-cn'],
  ['us-iso-', 'aws-iso'],
  ['us-isob-', 'aws-iso-b'],
  ['eu-isoe-', 'aws-iso-e'],
  ['us-isof-', 'aws-iso-f'],
  ['eusc-', 'aws-eusc'],
];

/** The partition a region name belongs to, by AWS's naming (`us-gov-*`, `cn-*`, `us-iso-*`…). */
export function partitionOfRegion(region: string): KnownPartition {
  for (const [prefix, partition] of REGION_PREFIXES)
    if (region.startsWith(prefix)) return partition;
  return 'aws';
}

/** The partition of a well-formed region name; a StsParameterError for anything else. */
export function regionPartition(region: string): KnownPartition {
  if (!REGION.test(region))
    throw new StsParameterError(
      'region-invalid',
      `region ${JSON.stringify(region)} is not an AWS region name such as eu-west-1`,
    );
  return partitionOfRegion(region);
}

/**
 * Where to send AssumeRoleWithSAML: the override when one is set (as AWS_ENDPOINT_URL_STS is for
 * the AWS CLI; https, or http to this machine only), else the regional endpoint, else the
 * partition's default one.
 */
export function stsEndpointFor(partition: Partition, region?: string, override?: string): string {
  if (override !== undefined && override.trim() !== '') return checkCustomEndpoint(override);
  if (region === undefined || region === '') return stsEndpointUrl(partition);
  const owner = regionPartition(region);
  if (owner !== partition)
    throw new StsParameterError(
      'region-invalid',
      `region ${region} is in partition ${owner}, but the role is in ${partition}`,
    );
  return stsEndpointUrl(partition, region);
}
