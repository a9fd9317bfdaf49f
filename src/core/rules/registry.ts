import { accountIdInvalid } from './account-id-invalid.ts';
import { assertionExpired } from './assertion-expired.ts';
import { assertionNotYetValid } from './assertion-not-yet-valid.ts';
import { attributeNameMismatch } from './attribute-name-mismatch.ts';
import { audienceMissing } from './audience-missing.ts';
import { audienceNotAccepted } from './audience-not-accepted.ts';
import { encryptedAssertion } from './encrypted-assertion.ts';
import { endpointPartitionMismatch } from './endpoint-partition-mismatch.ts';
import { identityCenter } from './identity-center.ts';
import { issuerMissing } from './issuer-missing.ts';
import { nameIdMissing } from './name-id-missing.ts';
import { principalTagDuplicate } from './principal-tag-duplicate.ts';
import { principalTagInvalid } from './principal-tag-invalid.ts';
import { principalTagsTooMany } from './principal-tags-too-many.ts';
import { recipientMissing } from './recipient-missing.ts';
import { recipientNotAws } from './recipient-not-aws.ts';
import { responseTooLarge } from './response-too-large.ts';
import { roleArnMalformed } from './role-arn-malformed.ts';
import { roleMissing } from './role-missing.ts';
import { rolePairDuplicate } from './role-pair-duplicate.ts';
import { roleProviderMismatch } from './role-provider-mismatch.ts';
import { roleSessionNameInvalid } from './role-session-name-invalid.ts';
import { roleSessionNameMissing } from './role-session-name-missing.ts';
import { roleSessionNameMultiple } from './role-session-name-multiple.ts';
import { roleValueShape } from './role-value-shape.ts';
import { roleValueTrailingComma } from './role-value-trailing-comma.ts';
import { sessionDurationInvalid } from './session-duration-invalid.ts';
import { signatureMissing } from './signature-missing.ts';
import { sourceIdentityInvalid } from './source-identity-invalid.ts';
import { statusNotSuccess } from './status-not-success.ts';
import { timestampInvalid } from './timestamp-invalid.ts';
import { transitiveTagNotSent } from './transitive-tag-not-sent.ts';
import type { Rule } from './types.ts';
import { xmlNamespaceInvalid } from './xml-namespace-invalid.ts';

/**
 * Every lint rule, in the order the README lists them and the order findings of equal severity
 * are reported: the response as a whole, who it is for and when, then the attributes AWS reads.
 */
export const RULES: readonly Rule[] = [
  statusNotSuccess,
  responseTooLarge,
  xmlNamespaceInvalid,
  signatureMissing,
  encryptedAssertion,
  identityCenter,
  issuerMissing,
  nameIdMissing,
  audienceMissing,
  audienceNotAccepted,
  recipientMissing,
  recipientNotAws,
  endpointPartitionMismatch,
  timestampInvalid,
  assertionNotYetValid,
  assertionExpired,
  attributeNameMismatch,
  roleMissing,
  roleValueShape,
  roleValueTrailingComma,
  roleArnMalformed,
  accountIdInvalid,
  roleProviderMismatch,
  rolePairDuplicate,
  roleSessionNameMissing,
  roleSessionNameInvalid,
  roleSessionNameMultiple,
  sessionDurationInvalid,
  sourceIdentityInvalid,
  principalTagsTooMany,
  principalTagInvalid,
  principalTagDuplicate,
  transitiveTagNotSent,
];
