import { AWS_ATTRIBUTES } from '../aws/attributes.ts';
import { parseIamArn, type IamArn } from '../aws/arn.ts';
import type { SamlMessage } from '../saml/model.ts';
import { attributesNamed } from './attribute-names.ts';
import { quote } from './quote.ts';

/** One comma-separated part of a Role value, read as an IAM ARN. */
export interface RoleValuePart {
  text: string;
  /** The parsed ARN; set even when only the account ID is bad, so other rules can still use it. */
  arn?: IamArn;
  /** What is wrong with the ARN apart from its account ID (that has its own rule). */
  problem?: string;
  /** The account field when it is present but not 12 digits. */
  badAccountId?: string;
}

/** A Role value split into parts; `pair` is set only when it is one valid role + provider. */
export interface RoleValue {
  /** 0-based across every value of every Role attribute, like `RoleValueProblem.index`. */
  index: number;
  raw: string;
  parts: RoleValuePart[];
  pair?: { role: IamArn; provider: IamArn; roleArn: string; providerArn: string };
}

export interface RoleValues {
  values: RoleValue[];
  /** The Role attribute is present with at least one non-blank value. */
  hasAny: boolean;
}

const ACCOUNT_ID = /^\d{12}$/;
// Any valid account works: it only lets parseIamArn look past a bad account field.
const STAND_IN_ACCOUNT_ID = '000000000000';

function readPart(text: string): RoleValuePart {
  const fields = text.split(':');
  const accountField = fields.length === 6 && fields[0] === 'arn' ? fields[4]! : undefined;
  if (accountField === undefined || ACCOUNT_ID.test(accountField)) {
    const parsed = parseIamArn(text);
    return parsed.ok ? { text, arn: parsed.arn } : { text, problem: parsed.reason };
  }
  fields[4] = STAND_IN_ACCOUNT_ID;
  const standIn = fields.join(':');
  const parsed = parseIamArn(standIn);
  if (!parsed.ok) {
    return { text, badAccountId: accountField, problem: parsed.reason.replaceAll(standIn, text) };
  }
  return { text, badAccountId: accountField, arn: { ...parsed.arn, accountId: accountField } };
}

function readValue(raw: string, index: number): RoleValue {
  const parts = raw
    .trim()
    .split(',')
    .map((part) => readPart(part.trim()));
  const value: RoleValue = { index, raw, parts };
  const [first, second] = parts;
  if (parts.length !== 2 || !first?.arn || !second?.arn) return value;
  if (first.badAccountId !== undefined || second.badAccountId !== undefined) return value;
  // AWS accepts the two ARNs in either order.
  const [rolePart, providerPart] =
    first.arn.resourceType === 'role' ? [first, second] : [second, first];
  if (rolePart.arn?.resourceType !== 'role' || providerPart.arn?.resourceType !== 'saml-provider') {
    return value;
  }
  value.pair = {
    role: rolePart.arn,
    provider: providerPart.arn,
    roleArn: rolePart.text,
    providerArn: providerPart.text,
  };
  return value;
}

const cache = new WeakMap<SamlMessage, RoleValues>();

/**
 * Every Role attribute value, split and parsed once per message (several rules read them). A
 * message is not changed after parsing, so caching by identity is safe.
 */
export function roleValues(saml: SamlMessage): RoleValues {
  const cached = cache.get(saml);
  if (cached) return cached;
  const raw = attributesNamed(saml, AWS_ATTRIBUTES.role).flatMap((attribute) => attribute.values);
  const values = raw.map(readValue);
  const result = { values, hasAny: raw.some((value) => value.trim() !== '') };
  cache.set(saml, result);
  return result;
}

/** `Role value 2 of 3 ("…")`: how messages point at one value. */
export function describeRoleValue(value: RoleValue, total: number): string {
  return `Role value ${value.index + 1} of ${total} (${quote(value.raw)})`;
}
