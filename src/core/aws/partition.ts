import type { KnownPartition, Partition, RolePair } from './types.ts';

/** Every partition an IAM ARN may name, in AWS's own spelling. */
export const KNOWN_PARTITIONS: readonly KnownPartition[] = [
  'aws',
  'aws-us-gov',
  'aws-cn',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
];

export function isKnownPartition(value: string): value is KnownPartition {
  return (KNOWN_PARTITIONS as readonly string[]).includes(value);
}

/** True for the partitions whose sign-in, STS and console endpoints this tool knows. */
export function isPartition(value: string): value is Partition {
  return value === 'aws' || value === 'aws-us-gov' || value === 'aws-cn';
}

export type PartitionReach = { ok: true; partition: Partition } | { ok: false; message: string };

/**
 * The role's partition when the tool can call its STS; otherwise why not. Callers stop there:
 * an assertion for one partition is never sent to another partition's endpoint.
 */
export function reachablePartition(role: Pick<RolePair, 'roleArn' | 'partition'>): PartitionReach {
  if (isPartition(role.partition)) return { ok: true, partition: role.partition };
  return {
    ok: false,
    message: `Role ${role.roleArn} is in partition "${role.partition}", whose STS and console endpoints this tool does not know; it sends an assertion only to its own partition's STS, never to another partition's. Get credentials for this role from inside that partition.`,
  };
}
