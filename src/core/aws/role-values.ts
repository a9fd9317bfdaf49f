import { parseIamArn } from './arn.ts';
import type { RolePair, RoleValue, RoleValuePart } from './types.ts';

const ACCOUNT_ID = /^\d{12}$/;
// Any valid account works: it only lets parseIamArn look past a bad account field, so the
// account and the rest of the ARN are reported separately.
const STAND_IN_ACCOUNT_ID = '000000000000';
// A value with more parts than this is wrong in shape whatever they hold: the rest are kept as
// text (counted, shown) but not parsed, so 500,000 bad parts cost no more than a few.
export const MAX_PARSED_PARTS = 4;
const EMPTY_PART: RoleValuePart = Object.freeze({ text: '', problem: 'the part is empty' });

function readPart(text: string): RoleValuePart {
  // Empty parts are counted, never parsed: a value of a million commas stays cheap.
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

/**
 * The parts that count, as AWS reads them: empty parts after two ARNs (a trailing comma) are
 * dropped; any other value keeps all its parts, empty ones included.
 */
export function significantParts(parts: readonly RoleValuePart[]): readonly RoleValuePart[] {
  let length = parts.length;
  while (length > 0 && parts[length - 1]!.text === '') length--;
  return length === 2 ? parts.slice(0, 2) : parts;
}

/**
 * Reads one Role value: `role,provider` in either order, with whatever is wrong in each part.
 * Empty parts at the end still give a pair: AWS signs in with `role,provider,` (Google Workspace
 * sends it), so the tool lists the role and a lint rule warns instead.
 */
export function readRoleValue(raw: string, index: number): RoleValue {
  const parts = raw.split(',').map((part, i) => {
    const text = part.trim();
    return text === '' || i < MAX_PARSED_PARTS ? readPart(text) : { text };
  });
  const value: RoleValue = { index, raw, parts };
  const [first, second] = parts;
  if (significantParts(parts).length !== 2 || !first?.arn || !second?.arn) return value;
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
  const parts = significantParts(value.parts);
  const empty = parts.filter((part) => part.text === '').length;
  if (parts.length !== 2 || empty > 0) {
    const count = `${parts.length} comma-separated part${parts.length === 1 ? '' : 's'}${empty ? ` (${empty} empty)` : ''}`;
    return `expected exactly one role ARN and one saml-provider ARN separated by one comma, found ${count}`;
  }
  for (const part of parts) {
    if (part.problem) return part.problem;
    if (part.badAccountId !== undefined)
      return `account ID "${part.badAccountId}" is not 12 digits in "${part.text}"`;
  }
  return `expected one role ARN and one saml-provider ARN, found two ${parts[0]!.arn!.resourceType} ARNs`;
}
