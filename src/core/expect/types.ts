/**
 * What a user's expectation file says must hold for one assertion (`inspect --expect`,
 * `idp check`). Lists instead of records, so no name from the file can collide with anything an
 * object inherits.
 */
export interface Expectation {
  /** ARN globs: `exactly`, or `atLeast` and/or `atMost`. */
  roles?: { exactly?: string[]; atLeast?: string[]; atMost?: string[] };
  /** A glob the RoleSessionName must match. */
  sessionName?: string;
  /** Each attribute's values, in any order but each as often; an empty list: not sent at all. */
  attributes?: { name: string; values: string[] }[];
  /** The most findings allowed per severity and per code; without it, no error findings. */
  findings?: FindingLimits;
}

export interface FindingLimits {
  errors?: number;
  warnings?: number;
  infos?: number;
  codes?: { code: string; atMost: number }[];
}

/** One expectation, checked: a JUnit test case, and a finding when it failed. */
export interface ExpectationCheck {
  /** Where it sits in the file, e.g. `roles.exactly`, `attributes["…/SessionDuration"]`. */
  name: string;
  passed: boolean;
  /** What was expected and what came, for a person. */
  message: string;
}
