// Entry: from an assertion to credentials. STS AssumeRoleWithSAML, its answers and errors, the
// output formats, profile names and console sign-in, and the AWS facts they need.
export { stsEndpointUrl } from './aws/endpoints.ts';
export { reachablePartition, type PartitionReach } from './aws/partition.ts';
export { STS_REGIONS } from './aws/regions.ts';
export type { KnownPartition, Partition, RolePair } from './aws/types.ts';

export { assumeRoleWithSaml, type StsClientOptions } from './sts/client.ts';
export {
  assumeAllRoles,
  DEFAULT_ROLE_CONCURRENCY,
  type AssumeAllRolesOptions,
  type AssumeAllRolesParams,
  type RoleResult,
} from './sts/all-roles.ts';
export {
  getCredentials,
  type CredentialsOutcome,
  type CredentialsRequest,
  type ProfileChoice,
  type RoleCredentials,
} from './sts/get-credentials.ts';
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
  chooseDurationSeconds,
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
