import { accountIdInvalid } from '../rules/account-id-invalid.ts';
import { assertionExpired } from '../rules/assertion-expired.ts';
import { assertionNotYetValid } from '../rules/assertion-not-yet-valid.ts';
import { attributeNameMismatch } from '../rules/attribute-name-mismatch.ts';
import { audienceMissing } from '../rules/audience-missing.ts';
import { audienceNotAccepted } from '../rules/audience-not-accepted.ts';
import { encryptedAssertion } from '../rules/encrypted-assertion.ts';
import { endpointPartitionMismatch } from '../rules/endpoint-partition-mismatch.ts';
import { identityCenter } from '../rules/identity-center.ts';
import { issuerMissing } from '../rules/issuer-missing.ts';
import { nameIdMissing } from '../rules/name-id-missing.ts';
import { principalTagDuplicate } from '../rules/principal-tag-duplicate.ts';
import { principalTagInvalid } from '../rules/principal-tag-invalid.ts';
import { principalTagsTooMany } from '../rules/principal-tags-too-many.ts';
import { recipientMissing } from '../rules/recipient-missing.ts';
import { recipientNotAws } from '../rules/recipient-not-aws.ts';
import { responseTooLarge } from '../rules/response-too-large.ts';
import { roleArnMalformed } from '../rules/role-arn-malformed.ts';
import { roleMissing } from '../rules/role-missing.ts';
import { rolePairDuplicate } from '../rules/role-pair-duplicate.ts';
import { roleProviderMismatch } from '../rules/role-provider-mismatch.ts';
import { roleSessionNameInvalid } from '../rules/role-session-name-invalid.ts';
import { roleSessionNameMissing } from '../rules/role-session-name-missing.ts';
import { roleSessionNameMultiple } from '../rules/role-session-name-multiple.ts';
import { roleValueShape } from '../rules/role-value-shape.ts';
import { roleValueTrailingComma } from '../rules/role-value-trailing-comma.ts';
import { sessionDurationInvalid } from '../rules/session-duration-invalid.ts';
import { signatureMissing } from '../rules/signature-missing.ts';
import { sourceIdentityInvalid } from '../rules/source-identity-invalid.ts';
import { statusNotSuccess } from '../rules/status-not-success.ts';
import { subjectExpiryMissing } from '../rules/subject-expiry-missing.ts';
import { timestampInvalid } from '../rules/timestamp-invalid.ts';
import { transitiveTagNotSent } from '../rules/transitive-tag-not-sent.ts';
import type { Rule } from './types.ts';
import { xmlNamespaceInvalid } from '../rules/xml-namespace-invalid.ts';

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
  subjectExpiryMissing,
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
