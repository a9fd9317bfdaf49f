import type { RolePair } from '../aws/types.ts';
import type { Finding } from '../lint/types.ts';

/** The values of one attribute that one side has and the other lacks (each value counted). */
export interface AttributeChange {
  name: string;
  added: string[];
  removed: string[];
}

/** One session fact that differs; null when the side does not have it. */
export interface FactChange {
  field: string;
  before: string | null;
  after: string | null;
}

/**
 * What changed in meaning from one assertion to another: plain data, so the CLI prints it as
 * text or JSON and the extension can render it. Empty lists everywhere mean the same meaning.
 */
export interface AssertionDiff {
  /** Role pairs (role and provider) one side grants and the other does not; `accountId` groups them. */
  roles: { added: RolePair[]; removed: RolePair[] };
  /** Attributes other than Role (whose meaning is `roles`), in the order first sent. */
  attributes: AttributeChange[];
  facts: FactChange[];
  findings: { added: Finding[]; removed: Finding[] };
}
