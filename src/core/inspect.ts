// Entry: what a SAML message means. Decode anything a user can paste or a browser posts, parse
// it as AWS reads it, build the AWS view, lint it, and report it.
export { SamlInputError, isSamlInputError, type SamlInputErrorCode } from './errors.ts';
export { INPUT_LIMITS } from './limits.ts';
export { withoutTrailingSlashes } from './trailing-slashes.ts';
export { systemClock, type Clock } from './clock.ts';
export { inspect, type InspectOptions } from './inspect/inspect.ts';
export { inspectPostedForm } from './inspect/inspect-posted-form.ts';
export { inspectDecoded } from './inspect/inspect-decoded.ts';
export { parseDecoded } from './inspect/parse-decoded.ts';
export { decodePostedForm, type PostedForm } from './input/posted-form.ts';
export { parseFormBody } from './input/form-body.ts';
export type { Inspection } from './inspect/inspection.ts';

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
export { SAML_STATUS_SUCCESS } from './saml/namespaces.ts';
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

export { lint } from './lint/lint.ts';
export { RULES } from './lint/registry.ts';
export type { Finding, LintContext, Rule, RuleResult, Severity } from './lint/types.ts';

export { toJsonReport, type JsonReport, type ReportOptions } from './report/json.ts';
export { toMarkdownReport } from './report/markdown.ts';
export { toTextReport } from './report/text.ts';
export { sessionFacts } from './report/facts.ts';

export { diffInspections, isSameMeaning } from './diff/diff.ts';
export { toTextDiff } from './diff/text.ts';
export { visibleText } from './report/visible-text.ts';
export type { AssertionDiff, AttributeChange, FactChange } from './diff/types.ts';

export { checkExpectations, expectationFindings, EXPECTATION_FAILED } from './expect/check.ts';
export type { Expectation, ExpectationCheck, FindingLimits } from './expect/types.ts';
