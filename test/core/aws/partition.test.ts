import { describe, expect, it } from 'vitest';
import { parseIamArn } from '../../../src/core/aws/arn.ts';
import { KNOWN_PARTITIONS, reachablePartition } from '../../../src/core/aws/partition.ts';
import { PARTITIONS } from '../../../src/core/aws/endpoints.ts';
import { readRoleValue } from '../../../src/core/aws/role-values.ts';
import { partitionOfRegion, stsEndpointFor } from '../../../src/core/sts/endpoint.ts';

const isoRole = {
  roleArn: 'arn:aws-iso:iam::123456789012:role/Admin',
  partition: 'aws-iso' as const,
};

describe('partitions', () => {
  it('reads every known partition from an ARN, and only those', () => {
    for (const partition of KNOWN_PARTITIONS) {
      const parsed = parseIamArn(`arn:${partition}:iam::123456789012:role/Admin`);
      expect(parsed.ok && parsed.arn.partition).toBe(partition);
    }
    expect(parseIamArn('arn:aws-mars:iam::123456789012:role/Admin')).toEqual({
      ok: false,
      reason: 'unknown partition "aws-mars" in "arn:aws-mars:iam::123456789012:role/Admin"',
    });
  });

  it('gives a pair in a partition the tool cannot reach, with that partition', () => {
    const value = readRoleValue(
      'arn:aws-iso-b:iam::123456789012:role/Admin,arn:aws-iso-b:iam::123456789012:saml-provider/Idp',
      0,
    );
    expect(value.pair?.partition).toBe('aws-iso-b');
  });

  it('reaches aws, aws-us-gov and aws-cn', () => {
    for (const partition of PARTITIONS)
      expect(reachablePartition({ roleArn: `arn:${partition}:iam::1:role/A`, partition })).toEqual({
        ok: true,
        partition,
      });
  });

  it('says clearly that another partition cannot be reached, never falling back to aws', () => {
    const unreachable = KNOWN_PARTITIONS.filter((p) => !PARTITIONS.some((known) => known === p));
    expect(unreachable).toEqual(['aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']);
    const result = reachablePartition(isoRole);
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining(
        `Role ${isoRole.roleArn} is in partition "aws-iso", whose STS and console endpoints this tool does not know`,
      ),
    });
    expect(result.ok || result.message).toContain("never to another partition's");
  });

  it.each([
    ['us-iso-east-1', 'aws-iso'],
    ['us-isob-east-1', 'aws-iso-b'],
    ['eu-isoe-west-1', 'aws-iso-e'],
    ['us-isof-south-1', 'aws-iso-f'],
    ['eusc-de-east-1', 'aws-eusc'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['cn-north-1', 'aws-cn'],
    ['eu-west-1', 'aws'],
  ])('reads the partition of region %s as %s', (region, partition) => {
    expect(partitionOfRegion(region)).toBe(partition);
  });

  it("refuses an isolated region for a role in aws rather than building an endpoint in aws's domain", () => {
    expect(() => stsEndpointFor('aws', 'us-iso-east-1')).toThrow(
      'region us-iso-east-1 is in partition aws-iso, but the role is in aws',
    );
  });
});
