import { PARTITIONS, stsEndpointUrl } from './endpoints.ts';
import type { Partition } from './types.ts';

/**
 * Regions with a regional STS endpoint, per partition. Listed rather than matched with a wildcard
 * so the extension's host permissions name exactly the STS hosts it may call (least privilege).
 */
export const STS_REGIONS: Record<Partition, readonly string[]> = {
  aws: [
    'us-east-1',
    'us-east-2',
    'us-west-1',
    'us-west-2',
    'af-south-1',
    'ap-east-1',
    'ap-east-2',
    'ap-south-1',
    'ap-south-2',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-southeast-3',
    'ap-southeast-4',
    'ap-southeast-5',
    'ap-southeast-6',
    'ap-southeast-7',
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-northeast-3',
    'ca-central-1',
    'ca-west-1',
    'eu-central-1',
    'eu-central-2',
    'eu-west-1',
    'eu-west-2',
    'eu-west-3',
    'eu-south-1',
    'eu-south-2',
    'eu-north-1',
    'il-central-1',
    'me-south-1',
    'me-central-1',
    'mx-central-1',
    'sa-east-1',
  ],
  'aws-us-gov': ['us-gov-west-1', 'us-gov-east-1'],
  'aws-cn': ['cn-north-1', 'cn-northwest-1'],
};

/** Match patterns for every STS endpoint the extension may call: each partition's default and regional ones. */
export const STS_HOST_PATTERNS: readonly string[] = [
  ...new Set(
    PARTITIONS.flatMap((partition) => [
      stsEndpointUrl(partition),
      ...STS_REGIONS[partition].map((region) => stsEndpointUrl(partition, region)),
    ]).map((url) => `${url}*`),
  ),
];
