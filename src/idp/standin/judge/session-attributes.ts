import type { SamlAttribute } from '../../../core/inspect.ts';
import { refuse, type Refusal } from './refusal.ts';

const PREFIX = 'https://aws.amazon.com/SAML/Attributes/';
const SESSION_NAME = `${PREFIX}RoleSessionName`;
const SESSION_DURATION = `${PREFIX}SessionDuration`;
const SOURCE_IDENTITY = `${PREFIX}SourceIdentity`;
const PRINCIPAL_TAG = `${PREFIX}PrincipalTag:`;

/** STS's documented limits (AssumeRoleWithSAML, "Passing session tags in AWS STS"). */
export const STS_LIMITS = {
  minDuration: 900,
  maxDuration: 43_200,
  maxTags: 50,
  maxTagKey: 128,
  maxTagValue: 256,
} as const;

/** What the session is made of, read from the assertion's AWS attributes. */
export interface SessionAttributes {
  sessionName: string;
  /** Seconds, when SessionDuration was sent. */
  sessionDuration?: number;
  sourceIdentity?: string;
  tags: { key: string; value: string }[];
}

// RoleSessionName and SourceIdentity: STS's pattern [\w+=,.@-]*, 2 to 64 characters.
const NAME = /^[\w+=,.@-]{2,64}$/;
// Tag keys and values: letters, digits, spaces and _.:/=+-@ (IAM "Tagging IAM resources").
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;

function firstValue(attributes: readonly SamlAttribute[], name: string): string | undefined {
  return attributes.find((a) => a.name === name)?.values[0]?.trim();
}

/** Reads RoleSessionName, SessionDuration, SourceIdentity and session tags as STS checks them. */
export function readSessionAttributes(
  attributes: readonly SamlAttribute[],
): SessionAttributes | Refusal {
  const sessionName = firstValue(attributes, SESSION_NAME);
  if (!sessionName)
    return refuse('InvalidIdentityToken', 'RoleSessionName is required in AuthnResponse');
  if (!NAME.test(sessionName))
    return refuse(
      'InvalidIdentityToken',
      `RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}: got "${sessionName}"`,
    );
  const session: SessionAttributes = { sessionName, tags: [] };

  const durationText = firstValue(attributes, SESSION_DURATION);
  if (durationText !== undefined) {
    const duration = /^\d{1,9}$/.test(durationText) ? Number(durationText) : NaN;
    if (!(duration >= STS_LIMITS.minDuration && duration <= STS_LIMITS.maxDuration))
      return refuse(
        'InvalidIdentityToken',
        `SessionDuration "${durationText}" is not a whole number of seconds from ${STS_LIMITS.minDuration} to ${STS_LIMITS.maxDuration}`,
      );
    session.sessionDuration = duration;
  }

  const sourceIdentity = firstValue(attributes, SOURCE_IDENTITY);
  if (sourceIdentity !== undefined) {
    if (!NAME.test(sourceIdentity))
      return refuse(
        'InvalidIdentityToken',
        `SourceIdentity must match [a-zA-Z_0-9+=,.@-]{2,64}: got "${sourceIdentity}"`,
      );
    if (sourceIdentity.toLowerCase().startsWith('aws:'))
      return refuse(
        'InvalidIdentityToken',
        `SourceIdentity "${sourceIdentity}" starts with the reserved prefix "aws:"`,
      );
    session.sourceIdentity = sourceIdentity;
  }

  const tags = readTags(attributes);
  if (!Array.isArray(tags)) return tags;
  session.tags = tags;
  return session;
}

function readTags(attributes: readonly SamlAttribute[]): SessionAttributes['tags'] | Refusal {
  const tags: SessionAttributes['tags'] = [];
  // Tag keys are case-insensitive in IAM: two that differ only in case are one key sent twice.
  const seen = new Set<string>();
  for (const attribute of attributes) {
    if (!attribute.name.startsWith(PRINCIPAL_TAG)) continue;
    const key = attribute.name.slice(PRINCIPAL_TAG.length);
    if (!TAG_KEY.test(key))
      return refuse(
        'InvalidIdentityToken',
        `session tag key "${key}" is not 1-${STS_LIMITS.maxTagKey} letters, digits, spaces or _.:/=+-@`,
      );
    if (seen.has(key.toLowerCase()))
      return refuse('InvalidIdentityToken', `session tag key "${key}" is sent more than once`);
    seen.add(key.toLowerCase());
    if (attribute.values.length !== 1)
      return refuse(
        'InvalidIdentityToken',
        `session tag "${key}" has ${attribute.values.length} values; a tag has exactly one`,
      );
    const value = attribute.values[0]!.trim();
    if (!TAG_VALUE.test(value))
      return refuse(
        'InvalidIdentityToken',
        `session tag "${key}" value is not 0-${STS_LIMITS.maxTagValue} letters, digits, spaces or _.:/=+-@`,
      );
    if (tags.length === STS_LIMITS.maxTags)
      return refuse(
        'InvalidIdentityToken',
        `more than ${STS_LIMITS.maxTags} session tags (PrincipalTag attributes) are sent`,
      );
    tags.push({ key, value });
  }
  return tags;
}
