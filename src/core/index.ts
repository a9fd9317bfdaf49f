// The public surface of the core: what the CLI, the extension and the IdP import.
export { SamlInputError, isSamlInputError, type SamlInputErrorCode } from './errors.ts';
export { INPUT_LIMITS } from './limits.ts';
export { withoutTrailingSlashes } from './trailing-slashes.ts';
export { inspect, type InspectOptions } from './inspect.ts';
export { inspectPostedForm } from './inspect-posted-form.ts';
export { inspectDecoded } from './inspect-decoded.ts';
export { decodePostedForm, type PostedForm } from './input/posted-form.ts';
export type { Inspection } from './inspection.ts';

export { decodeInput } from './input/decode.ts';
export type { DecodedInput, InputForm } from './input/types.ts';
export {
  encodeBase64,
  decodeBase64,
  decodeUtf8,
  encodeUtf8,
  stripBase64Whitespace,
} from './encoding/index.ts';

export { parseSamlXml } from './saml/parse.ts';
export { expiresAt, parseSamlInstant } from './saml/time.ts';
export type { SamlAttribute, SamlMessage, SamlStatus, SignatureInfo } from './saml/model.ts';

export { buildAwsView, readRolePairs } from './aws/view.ts';
export { groupRolesByAccount, type AccountGroup } from './aws/group.ts';
export { parseIamArn, type IamArn } from './aws/arn.ts';
export {
  isKnownPartition,
  isPartition,
  KNOWN_PARTITIONS,
  reachablePartition,
  type PartitionReach,
} from './aws/partition.ts';
export { AWS_ATTRIBUTES, AWS_ATTRIBUTE_PREFIX, AWS_LIMITS } from './aws/attributes.ts';
export * from './aws/endpoints.ts';
export { STS_HOST_PATTERNS, STS_REGIONS } from './aws/regions.ts';
export type {
  AwsView,
  KnownPartition,
  Partition,
  RolePair,
  RoleValueProblem,
} from './aws/types.ts';

export { lint } from './rules/lint.ts';
export { RULES } from './rules/registry.ts';
export type { Finding, LintContext, Rule, RuleResult, Severity } from './rules/types.ts';

export {
  normalizeSettings,
  parseSettingsJson,
  settingsToJson,
  type AccountSettings,
  type Settings,
} from './settings.ts';

export { toJsonReport, type JsonReport, type ReportOptions } from './report/json.ts';
export { toMarkdownReport } from './report/markdown.ts';
export { toTextReport } from './report/text.ts';
export { sessionFacts } from './report/facts.ts';

export { assumeRoleWithSaml, type StsClientOptions } from './sts/client.ts';
export {
  assumeAllRoles,
  DEFAULT_ROLE_CONCURRENCY,
  type AssumeAllRolesOptions,
  type AssumeAllRolesParams,
  type RoleResult,
} from './sts/all-roles.ts';
export {
  buildAssumeRoleWithSamlRequest,
  STS_API_VERSION,
  type AssumeRoleWithSamlParams,
} from './sts/request.ts';
export { readAssumeRoleWithSamlResponse } from './sts/response.ts';
export { explainStsError, type ExplainContext } from './sts/explain.ts';
export { partitionOfRegion, stsEndpointFor } from './sts/endpoint.ts';
export { checkCustomEndpoint, customEndpointProblem } from './sts/custom-endpoint.ts';
export {
  DEFAULT_MAX_SESSION_DURATION,
  defaultDurationSeconds,
  parseDurationSeconds,
} from './sts/duration.ts';
export {
  isStsParameterError,
  StsParameterError,
  type StsParameterErrorCode,
} from './sts/errors.ts';
export { formatEnv, SHELLS, type Shell } from './sts/format-env.ts';
export { formatIni, type CredentialsProfile } from './sts/format-ini.ts';
export { formatCredentialProcess } from './sts/format-process.ts';
export { isUnsafeOutputError, UnsafeOutputError } from './sts/output-guard.ts';
export { escapeUnshowable, quoteForDisplay } from './sts/display.ts';
export {
  checkProfileTemplate,
  DEFAULT_PROFILE_TEMPLATE,
  profileName,
  type ProfileNameFacts,
} from './sts/profile-name.ts';
export {
  buildConsoleLoginUrl,
  buildGetSigninTokenUrl,
  consoleSigninUrl,
  readSigninTokenResponse,
  type ConsoleSigninOptions,
  type SigninTokenResult,
} from './sts/federation.ts';
export { isExpired, msUntilExpiry } from './sts/expiry.ts';
export type {
  AssumedRole,
  AssumeRoleResult,
  FetchLike,
  HttpRequest,
  StsCredentials,
  StsError,
} from './sts/types.ts';
