export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn';

/** One usable `roleArn,providerArn` pair from the Role attribute. */
export interface RolePair {
  roleArn: string;
  providerArn: string;
  partition: string;
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

/** What AWS reads from the assertion. */
export interface AwsView {
  roles: RolePair[];
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
