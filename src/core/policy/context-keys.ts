import type { AwsView, RolePair } from '../aws/types.ts';
import type { SamlMessage } from '../saml/model.ts';
import { nameQualifier } from './name-qualifier.ts';
import { PolicyError } from './policy-error.ts';
import { SAML_ATTRIBUTE_KEYS } from './saml-attribute-keys.ts';

/**
 * The request context a role's trust policy sees: key -> values (one for most keys, several for
 * IAM's list keys). No prototype: tag keys come from the assertion, and `constructor` is one.
 * Names keep IAM's spelling; IAM compares them ignoring case (see `contextLookup`).
 */
export type ContextKeys = Readonly<Record<string, readonly string[]>>;

/**
 * What the keys are made from: the parsed assertion and the parts of the AWS view they read (an
 * Inspection is one; a caller with its own reading of the Role pairs can hand those in).
 */
export interface ContextKeySource {
  saml: Pick<SamlMessage, 'recipient' | 'issuer' | 'nameId' | 'attributes'>;
  aws: Pick<AwsView, 'sessionName' | 'sourceIdentity' | 'principalTags' | 'transitiveTagKeys'> & {
    roles: readonly Pick<RolePair, 'providerArn' | 'accountId' | 'providerName'>[];
  };
}

const NAME_ID_FORMAT_PREFIX = 'urn:oasis:names:tc:SAML:2.0:nameid-format:';

/**
 * The keys AWS derives when this assertion assumes a role through `providerArn`, one of the
 * saml-providers its Role attribute names (STS takes no other): the saml:* keys IAM documents,
 * the session tags as aws:RequestTag/*, aws:TagKeys and sts:TransitiveTagKeys,
 * sts:SourceIdentity and sts:RoleSessionName. A key the assertion does not give is absent, as
 * in IAM.
 */
export function computeContextKeys(source: ContextKeySource, providerArn: string): ContextKeys {
  // The Role pair already holds the provider's account and name, read by the one ARN parser.
  const pair = source.aws.roles.find((role) => role.providerArn === providerArn);
  if (!pair) {
    const named = distinctProviders(source);
    const list =
      named.slice(0, 5).join(', ') + (named.length > 5 ? `, and ${named.length - 5} more` : '');
    throw new PolicyError(
      `"${providerArn}" is not a provider the Role attribute names (${named.length > 0 ? list : 'it names none'})`,
      'provider',
    );
  }
  return withProvider(sessionKeys(source), pair);
}

/** The keys every provider shares, in two runs: before and after the provider's own two. */
interface SessionKeys {
  issuer: string | undefined;
  before: [string, readonly string[]][];
  after: [string, readonly string[]][];
}

function sessionKeys({ saml, aws }: ContextKeySource): SessionKeys {
  const before: [string, readonly string[]][] = [];
  const after: [string, readonly string[]][] = [];
  const one = (run: typeof before, key: string, value: string | undefined): void => {
    if (value !== undefined) run.push([key, [value]]);
  };
  const issuer = saml.issuer?.trim();
  one(before, 'saml:aud', saml.recipient?.trim());
  one(before, 'saml:iss', issuer);
  one(before, 'saml:sub', saml.nameId?.value.trim());
  one(before, 'saml:sub_type', subjectType(saml.nameId?.format));
  const mappedKeys = new Set<string>();
  for (const attribute of saml.attributes) {
    const mapped = SAML_ATTRIBUTE_KEYS.get(attribute.name.trim());
    if (!mapped || attribute.values.length === 0) continue;
    const values = attribute.values.map((value) => value.trim());
    // "Only one claim will be mapped" per key: the first attribute that sets it wins.
    for (const { key, list } of mapped)
      if (!mappedKeys.has(key)) {
        mappedKeys.add(key);
        after.push([key, list ? values : values.slice(0, 1)]);
      }
  }
  one(after, 'sts:RoleSessionName', aws.sessionName);
  one(after, 'sts:SourceIdentity', aws.sourceIdentity);
  const tagKeys = Object.keys(aws.principalTags);
  for (const tag of tagKeys) after.push([`aws:RequestTag/${tag}`, [aws.principalTags[tag]!]]);
  if (tagKeys.length > 0) after.push(['aws:TagKeys', tagKeys]);
  if (aws.transitiveTagKeys.length > 0)
    after.push(['sts:TransitiveTagKeys', [...aws.transitiveTagKeys]]);
  return { issuer, before, after };
}

function withProvider(
  session: SessionKeys,
  { accountId, providerName }: { accountId: string; providerName: string },
): ContextKeys {
  const keys = Object.create(null) as Record<string, readonly string[]>;
  for (const [key, values] of session.before) keys[key] = values;
  if (session.issuer !== undefined)
    keys['saml:namequalifier'] = [nameQualifier(session.issuer, accountId, providerName)];
  keys['saml:doc'] = [`${accountId}/${providerName}`];
  // A tag named like a key above cannot clash: tags live under aws:RequestTag/.
  for (const [key, values] of session.after) keys[key] = values;
  return keys;
}

/** STS's SubjectType: the SAML 2.0 name-id-format prefix removed, any other format as sent. */
export function subjectType(format: string | undefined): string | undefined {
  const trimmed = format?.trim();
  if (!trimmed) return undefined;
  return trimmed.startsWith(NAME_ID_FORMAT_PREFIX)
    ? trimmed.slice(NAME_ID_FORMAT_PREFIX.length)
    : trimmed;
}

/**
 * How many providers `contextKeysByProvider` lists. Real assertions name one to a few; each
 * listed provider repeats every key, so a hostile Role attribute with thousands of providers
 * must not multiply them.
 */
export const MAX_PROVIDERS_WITH_KEYS = 20;

/**
 * The keys for the providers the Role attribute names, in the order first sent, at most
 * MAX_PROVIDERS_WITH_KEYS of them (`omitted` counts the rest; computeContextKeys gives any one).
 */
export function contextKeysByProvider(source: ContextKeySource): {
  keys: Record<string, ContextKeys>;
  omitted: number;
} {
  const keys = Object.create(null) as Record<string, ContextKeys>;
  const providers = distinctProviders(source);
  const session = sessionKeys(source);
  const pairs = new Map(source.aws.roles.map((role) => [role.providerArn, role]));
  for (const provider of providers.slice(0, MAX_PROVIDERS_WITH_KEYS))
    keys[provider] = withProvider(session, pairs.get(provider)!);
  return { keys, omitted: Math.max(0, providers.length - MAX_PROVIDERS_WITH_KEYS) };
}

function distinctProviders(source: ContextKeySource): string[] {
  return [...new Set(source.aws.roles.map((role) => role.providerArn))];
}
