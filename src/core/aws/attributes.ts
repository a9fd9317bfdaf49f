/** Attribute names AWS reads from a SAML assertion. */
export const AWS_ATTRIBUTE_PREFIX = 'https://aws.amazon.com/SAML/Attributes/';

export const AWS_ATTRIBUTES = {
  role: `${AWS_ATTRIBUTE_PREFIX}Role`,
  roleSessionName: `${AWS_ATTRIBUTE_PREFIX}RoleSessionName`,
  sessionDuration: `${AWS_ATTRIBUTE_PREFIX}SessionDuration`,
  sourceIdentity: `${AWS_ATTRIBUTE_PREFIX}SourceIdentity`,
  transitiveTagKeys: `${AWS_ATTRIBUTE_PREFIX}TransitiveTagKeys`,
  principalTagPrefix: `${AWS_ATTRIBUTE_PREFIX}PrincipalTag:`,
} as const;

/** AWS's documented limits. */
export const AWS_LIMITS = {
  minSessionDuration: 900,
  maxSessionDuration: 43_200,
  maxSessionTags: 50,
  maxTagKeyLength: 128,
  maxTagValueLength: 256,
  maxSamlResponseBase64Length: 100_000,
} as const;
