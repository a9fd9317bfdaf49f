import type { AwsView } from '../aws/types.ts';
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

/** What the keys are made from: the parsed assertion and the AWS view the core built of it. */
export interface ContextKeySource {
  saml: SamlMessage;
  aws: AwsView;
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
    const named = [...new Set(source.aws.roles.map((role) => role.providerArn))];
    throw new PolicyError(
      `"${providerArn}" is not a provider the Role attribute names (${named.length > 0 ? named.join(', ') : 'it names none'})`,
      'provider',
    );
  }
  const { accountId, providerName } = pair;
  const { saml, aws } = source;
  const keys = Object.create(null) as Record<string, string[]>;
  const one = (key: string, value: string | undefined): void => {
    if (value !== undefined) keys[key] = [value];
  };
  one('saml:aud', saml.recipient?.trim());
  const issuer = saml.issuer?.trim();
  one('saml:iss', issuer);
  one('saml:sub', saml.nameId?.value.trim());
  one('saml:sub_type', subjectType(saml.nameId?.format));
  if (issuer !== undefined)
    one('saml:namequalifier', nameQualifier(issuer, accountId, providerName));
  one('saml:doc', `${accountId}/${providerName}`);
  for (const attribute of saml.attributes) {
    const mapped = SAML_ATTRIBUTE_KEYS.get(attribute.name.trim());
    const values = attribute.values.map((value) => value.trim());
    // "Only one claim will be mapped" per key: the first attribute that sets it wins.
    for (const { key, list } of mapped ?? [])
      if (!(key in keys) && values.length > 0) keys[key] = list ? values : values.slice(0, 1);
  }
  one('sts:RoleSessionName', aws.sessionName);
  one('sts:SourceIdentity', aws.sourceIdentity);
  const tagKeys = Object.keys(aws.principalTags);
  for (const tag of tagKeys) keys[`aws:RequestTag/${tag}`] = [aws.principalTags[tag]!];
  if (tagKeys.length > 0) keys['aws:TagKeys'] = tagKeys;
  if (aws.transitiveTagKeys.length > 0) keys['sts:TransitiveTagKeys'] = [...aws.transitiveTagKeys];
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

/** The keys for every provider the Role attribute names, in the order first sent. */
export function contextKeysByProvider(source: ContextKeySource): Record<string, ContextKeys> {
  const byProvider = Object.create(null) as Record<string, ContextKeys>;
  for (const role of source.aws.roles)
    if (!(role.providerArn in byProvider))
      byProvider[role.providerArn] = computeContextKeys(source, role.providerArn);
  return byProvider;
}
