import { codePointName, quoteForDisplay, UNSHOWABLE } from './display.ts';

/**
 * The shape of each field of an AssumeRoleWithSAML answer, as AWS documents and sends it. The
 * answer may come from a custom endpoint, so nothing in it is trusted: a field that does not fit
 * is refused before any formatter, store or screen sees it.
 */
interface FieldRule {
  /** What the message says the field must be. */
  expected: string;
  test(value: string): boolean;
}

/** Credentials are secret: a refusal names the first bad character and its place, never the value. */
interface SecretRule extends FieldRule {
  allowed: RegExp;
  /** The index of the first character not allowed where it stands, or -1 (linear). */
  firstBad(value: string): number;
  minLength: number;
  maxLength: number;
}

// Base64 as STS writes secret keys and session tokens: standard alphabet, padding only at the end.
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Outside the alphabet, anything after padding but padding, or a third padding character. */
function firstBadBase64(value: string): number {
  const outside = value.search(/[^A-Za-z0-9+/=]/);
  const padding = value.indexOf('=');
  let misplaced = -1;
  if (padding >= 0) {
    let end = padding;
    while (end < value.length && value[end] === '=' && end - padding < 2) end++;
    if (end < value.length) misplaced = end;
  }
  return outside < 0 ? misplaced : misplaced < 0 ? outside : Math.min(outside, misplaced);
}

function secretRule(
  allowed: RegExp,
  firstBad: (value: string) => number,
  minLength: number,
  maxLength: number,
  expected: string,
) {
  const rule: SecretRule = {
    allowed,
    firstBad,
    minLength,
    maxLength,
    expected,
    test: (value) => value.length >= minLength && value.length <= maxLength && allowed.test(value),
  };
  return rule;
}

export const CREDENTIAL_RULES = {
  // AWS: 16..128 word characters; every key STS issues is uppercase letters and digits (ASIA...).
  AccessKeyId: secretRule(
    /^[A-Z0-9]+$/,
    (value) => value.search(/[^A-Z0-9]/),
    16,
    128,
    '16 to 128 uppercase letters and digits',
  ),
  SecretAccessKey: secretRule(
    BASE64,
    firstBadBase64,
    16,
    1024,
    'base64 (A-Za-z0-9+/ and = padding at the end)',
  ),
  // AWS fixes no maximum for tokens; the answer's own size bound (256 KB) caps it.
  SessionToken: secretRule(
    BASE64,
    firstBadBase64,
    16,
    Number.MAX_SAFE_INTEGER,
    'base64 (A-Za-z0-9+/ and = padding at the end)',
  ),
} satisfies Record<string, SecretRule>;

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/;

/** An exact ISO 8601 UTC time that names a real instant (no 30 February, no 24:00). */
export function isIsoUtcTime(value: string): boolean {
  const parts = ISO_UTC.exec(value)?.slice(1).map(Number);
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

const matching = (pattern: RegExp, expected: string): FieldRule => ({
  expected,
  test: (value) => pattern.test(value),
});

/** Printable text without leading or trailing spaces, up to `max` characters. */
const printable = (max: number, expected: string): FieldRule => ({
  expected,
  test: (value) =>
    value.length <= max && !UNSHOWABLE.test(value) && value === value.trim() && value !== '',
});

export const RESULT_RULES = {
  Expiration: { expected: 'an ISO 8601 UTC time such as 2026-11-27T22:00:00Z', test: isIsoUtcTime },
  // arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION (AWS's own example leaves out SESSION;
  // slashes are allowed so a stand-in that keeps the role's path is read too).
  Arn: matching(
    /^(?=.{1,2048}$)arn:[a-z][a-z0-9-]{0,62}:sts::\d{12}:assumed-role(?:\/[\w+=,.@-]+)+$/,
    'an assumed-role ARN such as arn:aws:sts::123456789012:assumed-role/Admin/alice',
  ),
  AssumedRoleId: matching(
    /^[\w+=,.@:-]{2,193}$/,
    'a role ID and session name such as AROA...:alice',
  ),
  Subject: printable(1024, 'printable text of at most 1024 characters'),
  SubjectType: matching(
    /^[A-Za-z][\w+.:/-]{0,1023}$/,
    'persistent, transient or a NameID format URI',
  ),
  // Usually URIs, but SAML allows any string: only what a screen cannot show is refused.
  Issuer: printable(1024, 'printable text of at most 1024 characters'),
  Audience: printable(1024, 'printable text of at most 1024 characters'),
  NameQualifier: matching(/^[A-Za-z0-9+/]{1,256}={0,2}$/, 'base64 (a SHA-1 hash)'),
  SourceIdentity: matching(/^[\w+=,.@-]{2,64}$/, '2 to 64 of the characters A-Za-z0-9_+=,.@-'),
  PackedPolicySize: matching(/^\d{1,9}$/, 'a whole number'),
  RequestId: matching(
    /^[\w-]{1,128}$/,
    'a request ID such as c6104cbe-af31-11e0-8154-cbc7ccf896c7',
  ),
} satisfies Record<string, FieldRule>;

export type CredentialField = keyof typeof CREDENTIAL_RULES;
export type ResultField = keyof typeof RESULT_RULES;

/** What is wrong with a credential field, without showing the secret; undefined when it fits. */
export function credentialProblem(field: CredentialField, value: string): string | undefined {
  const rule = CREDENTIAL_RULES[field];
  if (rule.test(value)) return undefined;
  const bad = rule.firstBad(value);
  const what =
    bad >= 0
      ? `holds ${describeChar(String.fromCodePoint(value.codePointAt(bad)!))} at character ${bad + 1}`
      : value.length < rule.minLength
        ? 'is too short'
        : 'is too long';
  return `${field} (${value.length} characters) ${what}; it must be ${rule.expected}${lengthNote(rule)}`;
}

function lengthNote(rule: SecretRule): string {
  if (rule.expected.startsWith(`${rule.minLength} to`)) return '';
  return rule.maxLength === Number.MAX_SAFE_INTEGER
    ? `, at least ${rule.minLength} characters`
    : `, ${rule.minLength} to ${rule.maxLength} characters`;
}

/** Letters and digits are shown as themselves; anything else by code point, or quoted if printable. */
function describeChar(char: string): string {
  return UNSHOWABLE.test(char) || /\s/.test(char) ? codePointName(char) : JSON.stringify(char);
}

/** What is wrong with another field, quoting it escaped; undefined when it fits. */
export function resultFieldProblem(field: ResultField, value: string): string | undefined {
  const rule: FieldRule = RESULT_RULES[field];
  return rule.test(value)
    ? undefined
    : `${field} ${quoteForDisplay(value)} is not ${rule.expected}`;
}
