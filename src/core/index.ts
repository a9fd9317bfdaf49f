// The public surface of the core: what the CLI, the extension and the IdP import.
export { SamlInputError, isSamlInputError, type SamlInputErrorCode } from './errors.ts';
export { INPUT_LIMITS } from './limits.ts';
export { inspect, type InspectOptions } from './inspect.ts';
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
export { parseIamArn, isPartition, type IamArn } from './aws/arn.ts';
export { AWS_ATTRIBUTES, AWS_ATTRIBUTE_PREFIX, AWS_LIMITS } from './aws/attributes.ts';
export * from './aws/endpoints.ts';
export type { AwsView, Partition, RolePair, RoleValueProblem } from './aws/types.ts';

export { lint } from './rules/lint.ts';
export { RULES } from './rules/registry.ts';
export type { Finding, LintContext, Rule, RuleResult, Severity } from './rules/types.ts';

export { toJsonReport, type JsonReport, type ReportOptions } from './report/json.ts';
export { toMarkdownReport } from './report/markdown.ts';
export { toTextReport } from './report/text.ts';
