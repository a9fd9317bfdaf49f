import { parseIamArn } from './arn.ts';
import type { RolePair, RoleValue, RoleValuePart } from './types.ts';

const ACCOUNT_ID = /^\d{12}$/;
// Any valid account works: it only lets parseIamArn look past a bad account field, so the
// account and the rest of the ARN are reported separately.
const STAND_IN_ACCOUNT_ID = '000000000000';
// A value with more parts than this is wrong in shape whatever they hold: the rest are counted,
// never copied or parsed, so 500,000 bad parts cost no more than a few.
export const MAX_PARSED_PARTS = 4;
const EMPTY_PART: RoleValuePart = Object.freeze({ text: '', problem: 'the part is empty' });

function readPart(text: string): RoleValuePart {
  if (text === '') return EMPTY_PART;
  const parsed = parseIamArn(text);
  if (parsed.ok) return { text, arn: parsed.arn };
  const fields = text.split(':');
  const accountField = fields.length === 6 && fields[0] === 'arn' ? fields[4]! : undefined;
  if (accountField === undefined || ACCOUNT_ID.test(accountField))
    return { text, problem: parsed.reason };
  fields[4] = STAND_IN_ACCOUNT_ID;
  const standIn = fields.join(':');
  const withoutAccount = parseIamArn(standIn);
  if (!withoutAccount.ok) {
    return {
      text,
      badAccountId: accountField,
      problem: withoutAccount.reason.replaceAll(standIn, text),
    };
  }
  return {
    text,
    badAccountId: accountField,
    arn: { ...withoutAccount.arn, accountId: accountField },
  };
}

/** The next part's end: its comma, or the end of the value. */
function partEnd(raw: string, start: number): number {
  const comma = raw.indexOf(',', start);
  return comma < 0 ? raw.length : comma;
}

const NON_BLANK = /\S/g;

/** True when raw[start, end) is empty or blank, found without copying it. */
function isBlank(raw: string, start: number, end: number): boolean {
  NON_BLANK.lastIndex = start;
  const found = NON_BLANK.exec(raw);
  return found === null || found.index >= end;
}

/**
 * Splits a value into its first parts, read, and a count of the rest: a value of a million
 * commas costs one pass and a handful of objects, not a million strings.
 */
function splitRoleValue(raw: string): Omit<RoleValue, 'index' | 'raw' | 'pair'> {
  const parts: RoleValuePart[] = [];
  let partCount = 0;
  let emptyParts = 0;
  let lastNonEmpty = -1;
  for (let start = 0; ;) {
    const end = partEnd(raw, start);
    if (partCount < MAX_PARSED_PARTS) {
      const part = readPart(raw.slice(start, end).trim());
      parts.push(part);
      if (part.text !== '') lastNonEmpty = partCount;
      else emptyParts++;
    } else if (isBlank(raw, start, end)) emptyParts++;
    else lastNonEmpty = partCount;
    partCount++;
    if (end === raw.length) break;
    start = end + 1;
  }
  // Empty parts after two ARNs (a trailing comma) don't count, as AWS reads the value.
  const trailingEmptyParts = lastNonEmpty === 1 ? partCount - 2 : 0;
  return { parts, partCount, emptyParts, trailingEmptyParts };
}

/** Parts that count, as AWS reads them, and how many of those are empty. */
export function significantParts(value: RoleValue): { count: number; empty: number } {
  const count = value.partCount - value.trailingEmptyParts;
  return { count, empty: value.emptyParts - value.trailingEmptyParts };
}

/**
 * Reads one Role value: `role,provider` in either order, with whatever is wrong in each part.
 * Empty parts at the end still give a pair: AWS signs in with `role,provider,` (Google Workspace
 * sends it), so the tool lists the role and a lint rule warns instead.
 */
export function readRoleValue(raw: string, index: number): RoleValue {
  const value: RoleValue = { index, raw, ...splitRoleValue(raw) };
  const [first, second] = value.parts;
  if (significantParts(value).count !== 2 || !first?.arn || !second?.arn) return value;
  if (first.badAccountId !== undefined || second.badAccountId !== undefined) return value;
  const [role, provider] = first.arn.resourceType === 'role' ? [first, second] : [second, first];
  if (role.arn?.resourceType !== 'role' || provider.arn?.resourceType !== 'saml-provider')
    return value;
  value.pair = {
    roleArn: role.text,
    providerArn: provider.text,
    partition: role.arn.partition,
    accountId: role.arn.accountId,
    roleName: role.arn.name,
    providerName: provider.arn.name,
  } satisfies RolePair;
  return value;
}

/** Why a value gives no pair, in one sentence; undefined when it does. */
export function roleValueProblem(value: RoleValue): string | undefined {
  if (value.pair) return undefined;
  const { count, empty } = significantParts(value);
  if (count !== 2 || empty > 0) {
    const found = `${count} comma-separated part${count === 1 ? '' : 's'}${empty ? ` (${empty} empty)` : ''}`;
    return `expected exactly one role ARN and one saml-provider ARN separated by one comma, found ${found}`;
  }
  const parts = value.parts.slice(0, 2);
  for (const part of parts) {
    if (part.problem) return part.problem;
    if (part.badAccountId !== undefined)
      return `account ID "${part.badAccountId}" is not 12 digits in "${part.text}"`;
  }
  return `expected one role ARN and one saml-provider ARN, found two ${parts[0]!.arn!.resourceType} ARNs`;
}
