import { describe, expect, it } from 'vitest';
import { PARTITIONS } from '../../../src/core/aws/endpoints.ts';
import { STS_HOST_PATTERNS, STS_REGIONS } from '../../../src/core/aws/regions.ts';
import { partitionOfRegion, stsEndpointFor } from '../../../src/core/sts/endpoint.ts';

const covered = (url: string) =>
  STS_HOST_PATTERNS.some((pattern) => url.startsWith(pattern.slice(0, -1)));

describe('STS host permissions', () => {
  it('cover every endpoint stsEndpointFor picks for a listed region or a partition default', () => {
    for (const partition of PARTITIONS) {
      expect(covered(stsEndpointFor(partition))).toBe(true);
      for (const region of STS_REGIONS[partition]) {
        expect(partitionOfRegion(region)).toBe(partition);
        expect(covered(stsEndpointFor(partition, region))).toBe(true);
      }
    }
  });

  it('are exact hosts, never wildcards', () => {
    for (const pattern of STS_HOST_PATTERNS)
      expect(pattern).toMatch(/^https:\/\/sts\.[a-z0-9.-]+\/\*$/);
    expect(STS_HOST_PATTERNS).toContain('https://sts.amazonaws.com/*');
    expect(STS_HOST_PATTERNS).toContain('https://sts.us-gov-west-1.amazonaws.com/*');
    expect(STS_HOST_PATTERNS).toContain('https://sts.cn-north-1.amazonaws.com.cn/*');
  });
});
