import { parseArgs } from 'node:util';
import {
  computeContextKeys,
  contextKeysToJson,
  escapeUnshowable,
  inspect,
  isPolicyError,
  isSamlInputError,
  permissionPolicyContext,
  resolvePermissionPolicy,
  type ResolvedPolicyValue,
  type ResolvedStatement,
} from '../../core/index.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';
import { readInput } from '../read-input.ts';

export const POLICY_VARS_USAGE = `Usage: saml-roles policy-vars [FILE|-] --policy POLICY.json [--provider ARN] [--json]

Resolves the \${...} policy variables of a permission policy (the JSON document, as in IAM) for
the session this SAML response would open, and prints each statement's effective resources and
condition values: e.g. arn:aws:s3:::bucket/\${saml:sub}/* for the user's own folder.
  --policy    the permission policy (JSON)
  --provider  the saml-provider ARN; needed when the Role attribute names several
  --json      one JSON object instead of text
Variables a permission policy can use: saml:sub, saml:sub_type, saml:namequalifier,
aws:PrincipalTag/KEY (session tags) and aws:SourceIdentity. Any other has no value there,
and IAM then matches nothing with that statement.
Exit: 0 every variable resolved, 1 some variable has no value, 2 bad input.`;

export async function runPolicyVars(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      policy: { type: 'string' },
      provider: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${POLICY_VARS_USAGE}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 1)
    throw new CliError(`policy-vars takes one FILE (or -), got ${positionals.length}`, EXIT.usage);
  if (values.policy === undefined)
    throw new CliError('--policy POLICY.json is required', EXIT.usage);
  const input = await readInput(positionals[0], io);
  const policyText = (await readInput(values.policy, io)).text;
  let policy: unknown;
  try {
    policy = JSON.parse(policyText) as unknown;
  } catch (error) {
    // V8 quotes the text around the error, which may hold control characters.
    throw new CliError(`${values.policy}: not JSON: ${show((error as Error).message)}`, EXIT.usage);
  }
  let inspection;
  try {
    inspection = inspect(input.text);
  } catch (error) {
    if (isSamlInputError(error))
      throw new CliError(`${input.name}: cannot decode: ${error.message}`, EXIT.failure);
    throw error;
  }
  const providerArn = values.provider ?? onlyProvider(inspection.aws.roles);
  let statements: ResolvedStatement[];
  let variables;
  try {
    variables = permissionPolicyContext(computeContextKeys(inspection, providerArn));
    statements = resolvePermissionPolicy(policy, variables);
  } catch (error) {
    if (isPolicyError(error))
      throw new CliError(
        error.where === 'provider'
          ? `--provider: ${error.message}`
          : `${values.policy}: ${error.message}`,
        EXIT.usage,
      );
    throw error;
  }
  io.stdout(
    values.json
      ? `${JSON.stringify({ providerArn, variables: contextKeysToJson(variables), statements }, null, 2)}\n`
      : policyVarsText(providerArn, contextKeysToJson(variables), statements),
  );
  const unresolved = statements.some((statement) =>
    [...statement.resources.values, ...statement.conditions.flatMap((c) => c.values)].some(
      (value) => value.effective === null,
    ),
  );
  return unresolved ? EXIT.findings : EXIT.ok;
}

function onlyProvider(roles: readonly { providerArn: string }[]): string {
  const providers = [...new Set(roles.map((role) => role.providerArn))];
  if (providers.length === 1) return providers[0]!;
  throw new CliError(
    providers.length === 0
      ? 'the assertion names no saml-provider: give --provider ARN'
      : `the assertion names ${providers.length} providers (${providers.join(', ')}): choose one with --provider ARN`,
    EXIT.usage,
  );
}

function policyVarsText(
  providerArn: string,
  variables: Record<string, string | string[]>,
  statements: readonly ResolvedStatement[],
): string {
  const lines = [`Policy variables for a session through ${show(providerArn)}`];
  const names = Object.keys(variables);
  const width = Math.max(0, ...names.map((name) => name.length));
  for (const name of names)
    lines.push(`  ${show(name).padEnd(width)}  ${show(String(variables[name]))}`);
  for (const statement of statements) {
    const actions = `${statement.actions.not ? 'NotAction ' : ''}${statement.actions.values.join(', ')}`;
    lines.push('', `Statement ${show(statement.statement)}: ${statement.effect} ${show(actions)}`);
    lines.push(`  ${statement.resources.not ? 'NotResource' : 'Resource'}`);
    for (const value of statement.resources.values) lines.push(...valueLines(value));
    for (const condition of statement.conditions) {
      lines.push(`  Condition ${show(condition.operator)} ${show(condition.key)}`);
      for (const value of condition.values) lines.push(...valueLines(value));
    }
  }
  return `${lines.join('\n')}\n`;
}

function valueLines(value: ResolvedPolicyValue): string[] {
  if (value.effective === value.written) return [`    ${show(value.written)}`];
  if (value.effective !== null)
    return [`    ${show(value.written)}`, `      -> ${show(value.effective)}`];
  return [
    `    ${show(value.written)}`,
    `      -> no value: ${show(value.unresolved ?? '')} is not set for this session, so IAM matches nothing with this statement`,
  ];
}

function show(text: string): string {
  return escapeUnshowable(text);
}
