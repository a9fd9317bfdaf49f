import type { ConditionOutcome } from './conditions.ts';
import { isNegated } from './conditions.ts';
import type { ConditionTest } from './policy-document.ts';

/** Why a trust policy refused one action, pointing at the statement and condition. */
export interface TrustReason {
  /** The action this is about: sts:AssumeRoleWithSAML, sts:TagSession or sts:SetSourceIdentity. */
  action: string;
  /** The statement's Sid, or `#N` (1-based); null when no statement allows the action at all. */
  statement: string | null;
  /** What decided: a Deny that applied, or which part of an Allow did not. */
  check: 'explicit-deny' | 'principal' | 'action' | 'condition' | 'no-allow';
  condition?: { operator: string; key: string };
  /** The condition's values as written in the policy. */
  expected?: readonly string[];
  /** The key's values in the request; null when the request does not have the key. */
  seen?: readonly string[] | null;
  /** One line for a person. */
  message: string;
}

export function conditionReason(
  action: string,
  statement: string,
  test: ConditionTest,
  outcome: ConditionOutcome,
  check: 'condition' | 'explicit-deny',
): TrustReason {
  const head =
    check === 'explicit-deny'
      ? `Deny statement ${JSON.stringify(statement)} applies: `
      : `statement ${JSON.stringify(statement)}: `;
  const body = outcome.unresolved
    ? `${test.operator} ${test.key}: the policy variable ${outcome.unresolved} has no value in this request, so the statement does not apply`
    : `${test.operator} ${test.key}: ${expectation(test)}; ${seenText(test.key, outcome.seen)}`;
  return {
    action,
    statement,
    check,
    condition: { operator: test.operator, key: test.key },
    expected: test.values,
    seen: outcome.seen,
    message: `${head}${body}`,
  };
}

function expectation(test: ConditionTest): string {
  if (test.base === 'Null')
    return test.values.length === 1
      ? `wants the key ${test.values[0] === 'true' ? 'absent' : 'present'}`
      : 'accepts the key absent or present';
  const list = test.values.map((value) => JSON.stringify(value)).join(', ');
  const set =
    test.set === 'ForAllValues' ? 'every value ' : test.set === 'ForAnyValue' ? 'some value ' : '';
  const which = isNegated(test.base)
    ? `none of ${list}`
    : test.values.length === 1
      ? list
      : `one of ${list}`;
  const ifExists = test.ifExists ? ' (when the key is present)' : '';
  return `expects ${set}${isNegated(test.base) ? 'to be ' : ''}${which}${ifExists}`;
}

function seenText(key: string, seen: readonly string[] | null): string {
  if (seen === null) return `the request has no ${key}`;
  return `the request has ${seen.map((value) => JSON.stringify(value)).join(', ')}`;
}
