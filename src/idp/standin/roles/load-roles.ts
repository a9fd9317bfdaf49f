import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { configProblem, IdpConfigError } from '../../config/errors.ts';
import { FieldReader, isPlainObject } from '../../config/fields.ts';
import { unreadableFileMessage } from '../../unreadable-file.ts';
import type { TrustPolicy } from './default-trust-policy.ts';
import type { StandInRoleSpec } from './judge-trust.ts';

// IAM's bounds for a role's MaxSessionDuration (CreateRole / UpdateRole): one to twelve hours.
const MIN_MAX_SESSION = 3600;
const MAX_MAX_SESSION = 43_200;
const ROLE_ARN =
  /^arn:(aws|aws-us-gov|aws-cn):iam::\d{12}:role\/(?:[\x21-\x7e]+\/)?[\w+=,.@-]{1,64}$/;
const ROLE_KEYS = ['arn', 'maxSessionDuration', 'trustPolicy', 'trustPolicyFile'] as const;

/** Reads ROLES.yaml; errors name the file, the role and the field. */
export function loadRolesFile(path: string): StandInRoleSpec[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new IdpConfigError(`--roles: ${unreadableFileMessage(path, error)}`);
  }
  return parseRoles(text, path, (file) => readPolicyFile(resolve(dirname(path), file)));
}

/**
 * Parses roles YAML: `roles:` lists each role's `arn`, `maxSessionDuration` (3600..43200) and
 * trust policy, inline (`trustPolicy`) or from a JSON file (`trustPolicyFile`, relative to the
 * YAML). The policy is checked to be an IAM policy document in shape; what it allows is for the
 * trust evaluator.
 */
export function parseRoles(
  text: string,
  fileName: string,
  readPolicy: (file: string) => { text: string; path: string },
): StandInRoleSpec[] {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const yamlError = document.errors[0];
  if (yamlError) {
    const at = yamlError.linePos?.[0];
    throw configProblem(
      fileName,
      at ? `line ${at.line}, column ${at.col}` : '',
      `not valid YAML: ${yamlError.message.split('\n', 1)[0]}`,
    );
  }
  const top = FieldReader.object(fileName, '', document.toJS(), ['roles']);
  const seen = new Set<string>();
  return top.list('roles', true).map((value, index) => {
    const arnText = isPlainObject(value) && typeof value.arn === 'string' ? ` (${value.arn})` : '';
    const role = FieldReader.object(fileName, `roles[${index}]${arnText}`, value, ROLE_KEYS);
    const arn = role.string('arn');
    if (!ROLE_ARN.test(arn))
      throw role.fail(
        `"arn" must be an IAM role ARN in aws, aws-us-gov or aws-cn (arn:aws:iam::123456789012:role/NAME)`,
      );
    if (seen.has(arn)) throw role.fail('the role is listed twice');
    seen.add(arn);
    const spec: StandInRoleSpec = { arn };
    if (role.has('maxSessionDuration')) {
      const seconds = role.positiveInteger('maxSessionDuration', MIN_MAX_SESSION);
      if (seconds < MIN_MAX_SESSION || seconds > MAX_MAX_SESSION)
        throw role.fail(
          `"maxSessionDuration" must be ${MIN_MAX_SESSION} to ${MAX_MAX_SESSION} seconds (IAM's bounds), found ${seconds}`,
        );
      spec.maxSessionDuration = seconds;
    }
    if (role.has('trustPolicy') && role.has('trustPolicyFile'))
      throw role.fail('give "trustPolicy" or "trustPolicyFile", not both');
    if (role.has('trustPolicy')) {
      spec.trustPolicy = checkPolicy(role.raw('trustPolicy'), (problem) =>
        role.fail(`"trustPolicy" ${problem}`),
      );
    } else if (role.has('trustPolicyFile')) {
      const { text: json, path } = readPolicy(role.string('trustPolicyFile'));
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch (error) {
        throw role.fail(`"trustPolicyFile" ${path} is not JSON: ${(error as Error).message}`);
      }
      spec.trustPolicy = checkPolicy(parsed, (problem) =>
        role.fail(`"trustPolicyFile" ${path} ${problem}`),
      );
    }
    return spec;
  });
}

function readPolicyFile(path: string): { text: string; path: string } {
  try {
    return { text: readFileSync(path, 'utf8'), path };
  } catch (error) {
    throw new IdpConfigError(`trustPolicyFile: ${unreadableFileMessage(path, error)}`);
  }
}

/** An IAM policy document in shape: Version, and Statement(s) each with an Effect of Allow or Deny. */
function checkPolicy(value: unknown, fail: (problem: string) => Error): TrustPolicy {
  if (!isPlainObject(value)) throw fail('must be a JSON object (an IAM policy document)');
  const allowedKeys = ['Version', 'Id', 'Statement'];
  const unknown = Object.keys(value).find((key) => !allowedKeys.includes(key));
  if (unknown)
    throw fail(`has an unknown element "${unknown}" (allowed: ${allowedKeys.join(', ')})`);
  if (
    value.Version !== undefined &&
    value.Version !== '2012-10-17' &&
    value.Version !== '2008-10-17'
  )
    throw fail(
      `has Version ${JSON.stringify(value.Version)}; IAM knows "2012-10-17" and "2008-10-17"`,
    );
  const statements = Array.isArray(value.Statement) ? value.Statement : [value.Statement];
  if (value.Statement === undefined || statements.length === 0) throw fail('has no Statement');
  statements.forEach((statement: unknown, index) => {
    if (!isPlainObject(statement)) throw fail(`Statement[${index}] is not an object`);
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny')
      throw fail(
        `Statement[${index}] has Effect ${JSON.stringify(statement.Effect)}, not "Allow" or "Deny"`,
      );
    if (statement.Action === undefined && statement.NotAction === undefined)
      throw fail(`Statement[${index}] has no Action`);
  });
  return value;
}
