import type { IamArn } from './arn.ts';

/** Every AWS partition an IAM ARN may name; the Role attribute is read in any of them. */
export type KnownPartition =
  | 'aws'
  | 'aws-us-gov'
  | 'aws-cn'
  | 'aws-iso'
  | 'aws-iso-b'
  | 'aws-iso-e'
  | 'aws-iso-f'
  | 'aws-eusc';

/** The partitions this tool can reach: it knows their sign-in, STS and console endpoints. */
export type Partition = Extract<KnownPartition, 'aws' | 'aws-us-gov' | 'aws-cn'>;

/** One usable `roleArn,providerArn` pair from the Role attribute. */
export interface RolePair {
  roleArn: string;
  providerArn: string;
  partition: KnownPartition;
  accountId: string;
  /** Role name with its path, e.g. `team/dev/ReadOnly` for `role/team/dev/ReadOnly`. */
  roleName: string;
  providerName: string;
}

/** A Role attribute value that could not be read as a pair, and why. */
export interface RoleValueProblem {
  value: string;
  /** Index of the value within all Role values (0-based), for messages. */
  index: number;
  reason: string;
}

/** One comma-separated part of a Role value, read as an IAM ARN. */
export interface RoleValuePart {
  text: string;
  /** The parsed ARN; set even when only the account ID is bad, so other checks can still use it. */
  arn?: IamArn;
  /** What is wrong with the ARN apart from its account ID. */
  problem?: string;
  /** The account field when it is present but not 12 digits. */
  badAccountId?: string;
}

/**
 * A Role value split into parts; `pair` is set only when it is one valid role + provider,
 * possibly followed by empty parts (a trailing comma).
 */
export interface RoleValue {
  /** 0-based across every value of every Role attribute. */
  index: number;
  raw: string;
  /** The first parts (at most MAX_PARSED_PARTS), read; any further ones are only counted. */
  parts: RoleValuePart[];
  /** How many comma-separated parts the value has in all. */
  partCount: number;
  /** How many of them are empty or blank. */
  emptyParts: number;
  /** Empty parts after exactly two ARNs (a trailing comma): AWS ignores them. */
  trailingEmptyParts: number;
  pair?: RolePair;
}

/** What AWS reads from the assertion. */
export interface AwsView {
  /** Usable pairs, each once, in the order sent. */
  roles: RolePair[];
  /** Every Role value as read, usable or not: the one parse lint rules and views share. */
  roleValues: RoleValue[];
  roleProblems: RoleValueProblem[];
  /** True when a Role attribute is present at all (even with no usable values). */
  roleAttributePresent: boolean;
  sessionName?: string;
  /** The SessionDuration value as sent (string), and parsed when it is an integer. */
  sessionDurationRaw?: string;
  sessionDuration?: number;
  sourceIdentity?: string;
  principalTags: Record<string, string>;
  transitiveTagKeys: string[];
  /** Set when this is an IAM Identity Center response rather than IAM SAML federation. */
  identityCenter?: { acsUrl: string; region?: string };
}
