// Entry: what IAM makes of an assertion. The context keys a role's trust policy sees, trust
// policy evaluation, and policy variables in permission policies. Its own entry (and bundle
// chunk): it carries SHA-1 for saml:namequalifier, which the worker and the popup's first load
// never need.
export {
  computeContextKeys,
  contextKeysByProvider,
  MAX_PROVIDERS_WITH_KEYS,
  subjectType,
  type ContextKeys,
  type ContextKeySource,
} from './policy/context-keys.ts';
export { nameQualifier } from './policy/name-qualifier.ts';
export { MULTI_VALUED_KEYS } from './policy/saml-attribute-keys.ts';
export {
  ASSUME_ROLE_WITH_SAML,
  SET_SOURCE_IDENTITY,
  TAG_SESSION,
  checkTrustPolicy,
  evaluateTrustPolicy,
  requiredActions,
  type TrustEvaluation,
  type TrustRequest,
} from './policy/evaluate-trust-policy.ts';
export type { TrustReason } from './policy/trust-reason.ts';
export { PolicyError, isPolicyError } from './policy/policy-error.ts';
export {
  permissionPolicyContext,
  resolvePermissionPolicy,
  type ResolvedPolicyValue,
  type ResolvedStatement,
} from './policy/permission-policy-vars.ts';
export { contextKeysToJson } from './policy/context-keys-json.ts';
