import { stsEndpointUrl } from '../aws/endpoints.ts';
import type { Partition } from '../aws/types.ts';
import { checkCustomEndpoint } from './custom-endpoint.ts';
import { StsParameterError } from './errors.ts';

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const HTTP_URL = /^https?:\/\/[^\s/?#@]+(?:[/?#][^\s]*)?$/i;

/** The partition a region name belongs to, by AWS's naming (`us-gov-*`, `cn-*`). */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  return 'aws';
}

export function isHttpUrl(value: string): boolean {
  return HTTP_URL.test(value);
}

/**
 * Where to send AssumeRoleWithSAML: the override when one is set (as AWS_ENDPOINT_URL_STS is for
 * the AWS CLI; https, or http to this machine only), else the regional endpoint, else the
 * partition's default one.
 */
export function stsEndpointFor(partition: Partition, region?: string, override?: string): string {
  if (override !== undefined && override.trim() !== '') return checkCustomEndpoint(override);
  if (region === undefined || region === '') return stsEndpointUrl(partition);
  if (!REGION.test(region))
    throw new StsParameterError(
      'region-invalid',
      `region ${JSON.stringify(region)} is not an AWS region name such as eu-west-1`,
    );
  const owner = partitionOfRegion(region);
  if (owner !== partition)
    throw new StsParameterError(
      'region-invalid',
      `region ${region} is in partition ${owner}, but the role is in ${partition}`,
    );
  return stsEndpointUrl(partition, region);
}
