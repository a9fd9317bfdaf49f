import {
  computeContextKeys,
  contextKeysByProvider,
  contextKeysToJson,
  escapeUnshowable,
  evaluateTrustPolicy,
  isPolicyError,
  type ContextKeys,
  type Finding,
  type Inspection,
  type TrustEvaluation,
} from '../../core/index.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';
import { readInput } from '../read-input.ts';

/** `--trust-policy ROLE_ARN=FILE`: one role's trust policy, read from FILE. */
export interface TrustPolicyEvaluation extends TrustEvaluation {
  roleArn: string;
  policyFile: string;
}

/** What `inspect` adds for IAM: the context keys per provider and each trust policy's answer. */
export interface InspectTrust {
  /** The inspection with an error finding for each trust policy that refuses. */
  inspection: Inspection;
  json: {
    contextKeys: Record<string, Record<string, string | string[]>>;
    /** Providers past MAX_PROVIDERS_WITH_KEYS, not listed in contextKeys. */
    contextKeysOmittedProviders?: number;
    trustEvaluations?: TrustPolicyEvaluation[];
  };
  text: string;
}

export const TRUST_POLICY_FINDING = 'trust-policy-denied';

/**
 * Computes the context keys for every provider of the Role attribute and evaluates each
 * `--trust-policy ROLE_ARN=FILE` against them. A refusal becomes an error finding (so the exit
 * code says so); an unreadable policy is a usage error naming the file and where in it.
 */
export async function inspectTrust(
  inspection: Inspection,
  trustPolicies: readonly string[],
  io: CliIo,
): Promise<InspectTrust> {
  const { keys: byProvider, omitted } = contextKeysByProvider(inspection);
  const evaluations: TrustPolicyEvaluation[] = [];
  for (const option of trustPolicies) {
    const { roleArn, providerArn, file } = splitTrustOption(option, inspection);
    const policy = parseJson((await readInput(file, io)).text, file);
    const context = byProvider[providerArn] ?? computeContextKeys(inspection, providerArn);
    try {
      evaluations.push({
        roleArn,
        policyFile: file,
        ...evaluateTrustPolicy(policy, { providerArn, context }),
      });
    } catch (error) {
      if (isPolicyError(error)) throw new CliError(`${file}: ${error.message}`, EXIT.usage);
      throw error;
    }
  }
  const findings: Finding[] = evaluations.filter((e) => !e.allowed).map(denialFinding);
  const contextKeys = Object.create(null) as InspectTrust['json']['contextKeys'];
  for (const [provider, keys] of Object.entries(byProvider))
    contextKeys[provider] = contextKeysToJson(keys);
  return {
    inspection: { ...inspection, findings: [...inspection.findings, ...findings] },
    json: {
      contextKeys,
      ...(omitted > 0 ? { contextKeysOmittedProviders: omitted } : {}),
      ...(trustPolicies.length > 0 ? { trustEvaluations: evaluations } : {}),
    },
    text: contextKeysText(byProvider, omitted) + trustText(evaluations),
  };
}

/**
 * ROLE_ARN=FILE, split at the `=` that ends one of the assertion's role ARNs (a role name may
 * itself hold `=`, and so may a path).
 */
function splitTrustOption(
  option: string,
  inspection: Inspection,
): { roleArn: string; providerArn: string; file: string } {
  for (let at = option.indexOf('='); at >= 0; at = option.indexOf('=', at + 1)) {
    const roleArn = option.slice(0, at);
    const role = inspection.aws.roles.find((pair) => pair.roleArn === roleArn);
    const file = option.slice(at + 1);
    if (role && file !== '' && file !== '-')
      return { roleArn, providerArn: role.providerArn, file };
  }
  const roles = inspection.aws.roles.map((pair) => pair.roleArn);
  throw new CliError(
    `--trust-policy ${JSON.stringify(option)}: expected ROLE_ARN=FILE with a role the assertion offers (${roles.length > 0 ? roles.join(', ') : 'it offers none'})`,
    EXIT.usage,
  );
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // V8 quotes the text around the error, which may hold control characters.
    throw new CliError(`${file}: not JSON: ${show((error as Error).message)}`, EXIT.usage);
  }
}

function denialFinding(evaluation: TrustPolicyEvaluation): Finding {
  const [first, ...rest] = evaluation.reasons;
  const more =
    rest.length > 0 ? ` (and ${rest.length} more reason${rest.length === 1 ? '' : 's'})` : '';
  return {
    code: TRUST_POLICY_FINDING,
    severity: 'error',
    message: `The trust policy of ${evaluation.roleArn} (${evaluation.policyFile}) refuses this assertion: ${first?.message ?? evaluation.decision}${more}.`,
    fix: "Make the IdP send what the named condition expects, or change the condition in the role's trust policy; the trust policy section (or --json) lists every reason.",
  };
}

function contextKeysText(byProvider: Record<string, ContextKeys>, omitted: number): string {
  const lines: string[] = [];
  for (const [provider, keys] of Object.entries(byProvider)) {
    lines.push('', `Context keys for ${show(provider)} (what its roles' trust policies see)`);
    const names = Object.keys(keys);
    const width = Math.max(...names.map((name) => name.length));
    for (const name of names)
      lines.push(`  ${show(name).padEnd(width)}  ${keys[name]!.map(show).join(', ')}`);
  }
  if (omitted > 0)
    lines.push(
      '',
      `Context keys of ${omitted} more provider${omitted === 1 ? '' : 's'} not listed: they differ only in saml:doc and saml:namequalifier`,
    );
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function trustText(evaluations: readonly TrustPolicyEvaluation[]): string {
  if (evaluations.length === 0) return '';
  const lines = ['', 'Trust policies'];
  for (const evaluation of evaluations) {
    const verdict = evaluation.allowed
      ? 'allowed'
      : `refused (${evaluation.decision === 'explicit-deny' ? 'an explicit Deny' : 'no Allow applies'})`;
    lines.push(
      `  ${evaluation.allowed ? '✔' : '✖'} ${show(evaluation.roleArn)} (${show(evaluation.policyFile)}): ${verdict}`,
    );
    for (const reason of evaluation.reasons)
      lines.push(`      ${reason.action}: ${show(reason.message)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Assertion text on a terminal: control and bidi characters written out, never acted on. */
function show(text: string): string {
  return escapeUnshowable(text);
}
