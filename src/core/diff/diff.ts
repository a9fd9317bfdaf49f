import { AWS_ATTRIBUTES } from '../aws/attributes.ts';
import type { RolePair } from '../aws/types.ts';
import type { Inspection } from '../inspect/inspection.ts';
import type { Finding } from '../lint/types.ts';
import { assertionExpired } from '../rules/assertion-expired.ts';
import { assertionNotYetValid } from '../rules/assertion-not-yet-valid.ts';
import { meaningFacts } from './meaning-facts.ts';
import { multisetChanges } from './multiset.ts';
import type { AssertionDiff, AttributeChange, FactChange } from './types.ts';

/**
 * Findings that compare an instant with the clock: the diff ignores instants, so two captures
 * of the same mapping minutes apart must not differ by one being expired by now.
 */
const CLOCK_CODES = new Set([assertionExpired.code, assertionNotYetValid.code]);

/**
 * What changed in meaning from `before` to `after`, two inspections the core already made (so
 * nothing is parsed twice). Identifiers, instants and signature values are ignored (see
 * `meaningFacts`); the Role attribute is compared as role pairs, in any order within a value and
 * across values. Linear in both inputs: every comparison goes through a Map keyed by value.
 */
export function diffInspections(before: Inspection, after: Inspection): AssertionDiff {
  return {
    roles: multisetChanges(before.aws.roles, after.aws.roles, roleKey),
    attributes: attributeChanges(before, after),
    facts: factChanges(meaningFacts(before), meaningFacts(after)),
    findings: multisetChanges(meaningful(before.findings), meaningful(after.findings), findingKey),
  };
}

/** True when the two assertions mean the same to AWS and to the lint rules. */
export function isSameMeaning(diff: AssertionDiff): boolean {
  return (
    diff.roles.added.length === 0 &&
    diff.roles.removed.length === 0 &&
    diff.attributes.length === 0 &&
    diff.facts.length === 0 &&
    diff.findings.added.length === 0 &&
    diff.findings.removed.length === 0
  );
}

function roleKey(role: RolePair): string {
  return `${role.roleArn}\n${role.providerArn}`;
}

function findingKey(finding: Finding): string {
  return `${finding.severity}\n${finding.code}\n${finding.message}`;
}

function meaningful(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => !CLOCK_CODES.has(finding.code));
}

/** Every value of every attribute with that name, Role left out. */
function valuesByName(inspection: Inspection): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const attribute of inspection.saml.attributes) {
    if (attribute.name === AWS_ATTRIBUTES.role) continue;
    const values = byName.get(attribute.name);
    if (values) for (const value of attribute.values) values.push(value);
    else byName.set(attribute.name, [...attribute.values]);
  }
  return byName;
}

function attributeChanges(before: Inspection, after: Inspection): AttributeChange[] {
  const old = valuesByName(before);
  const now = valuesByName(after);
  const changes: AttributeChange[] = [];
  for (const [name, values] of old) {
    const { added, removed } = multisetChanges(values, now.get(name) ?? [], String);
    if (added.length || removed.length) changes.push({ name, added, removed });
  }
  for (const [name, values] of now) {
    if (!old.has(name) && values.length) changes.push({ name, added: [...values], removed: [] });
  }
  return changes;
}

function factChanges(
  before: readonly [string, string | null][],
  after: readonly [string, string | null][],
): FactChange[] {
  // Both lists come from meaningFacts, so the same field sits at the same index.
  return before.flatMap(([field, value], i) => {
    const changed = after[i]?.[1] ?? null;
    return value === changed ? [] : [{ field, before: value, after: changed }];
  });
}
