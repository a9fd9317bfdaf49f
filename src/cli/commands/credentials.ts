import {
  assumeAllRoles,
  assumeRoleWithSaml,
  checkProfileTemplate,
  defaultDurationSeconds,
  type FetchLike,
  isStsParameterError,
  isUnsafeOutputError,
  parseDurationSeconds,
  type RolePair,
  stsEndpointFor,
  type StsError,
} from '../../core/credentials.ts';
import { parseSettingsJson } from '../../core/settings.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';
import { readInput } from '../read-input.ts';
import { checkPrivateFileTarget, writePrivateFile } from '../write-private-file.ts';
import { endpointOverrideFromEnv, parseCredentialsArgs } from './credentials-args.ts';
import { findRole, partitionOf, readAssertion } from './credentials-input.ts';
import { formatSuccess, profilesFile } from './credentials-output.ts';

export const CREDENTIALS_USAGE = `Usage: saml-roles credentials [FILE|-] --role ARN|--all [--duration S] [--region R]
         [--format env|ini|process] [--shell bash|fish|powershell] [--profile-template T]
         [--output FILE]

Exchanges the SAML response in FILE or stdin for temporary AWS credentials (STS
AssumeRoleWithSAML) and prints them, or writes them to --output FILE only.
  --role ARN            the role to assume (one of the assertion's; see 'saml-roles inspect')
  --all                 every role, a few at a time: one ~/.aws/credentials profile per role
  --duration S          session length, 900..43200 s (default: the SessionDuration attribute)
  --region R            use STS in this region (default: the partition's global endpoint)
  --format F            env (default), ini (default with --all), or process (credential_process)
  --shell SH            for env: bash (also zsh, default), fish or powershell
  --profile-template T  for ini: profile names, default {accountAlias|accountId}-{roleName}
  --settings FILE       for ini: account aliases from the extension's exported settings
  --output FILE, -o     write to FILE instead of stdout: mode 600, replaced in one step (never
                        half-written), a symbolic link refused; stderr says where it went
AWS_ENDPOINT_URL_STS (then AWS_ENDPOINT_URL) sets a custom STS endpoint, as for the AWS CLI.
Exit: 0 credentials printed or written, 1 STS refused (with --all: any role), 2 bad input or usage.`;

/** Exit code when STS (or the way to it) refused; usage and undecodable input use EXIT.usage. */
export const EXIT_STS_REFUSED = 1;
const NETWORK_TIMEOUT_MS = 30_000;

export interface CredentialsCommandDeps {
  fetch: FetchLike;
  /** Writes --output; returns the absolute path written. Node's file system unless a test says. */
  writeFile?(path: string, text: string): Promise<string>;
}

/** The `credentials` command with its network handed in, so tests can point it anywhere. */
export function createCredentialsCommand(deps: CredentialsCommandDeps) {
  return async function runCredentialsWith(args: string[], io: CliIo): Promise<number> {
    const options = parseCredentialsArgs(args);
    if (options.help) {
      io.stdout(`${CREDENTIALS_USAGE}\n`);
      return EXIT.ok;
    }
    const durationSeconds = checked('--duration', () =>
      options.duration === undefined ? undefined : parseDurationSeconds(options.duration),
    );
    if (options.profileTemplate !== undefined)
      checked('--profile-template', () => checkProfileTemplate(options.profileTemplate!));
    const override = endpointOverrideFromEnv(io.env);
    // Checked before STS is called, so a bad path does not spend an assertion.
    if (options.output !== undefined) await checkPrivateFileTarget(options.output);
    const emit = output(options.output, io, deps.writeFile ?? writePrivateFile);
    const settings = { ...options, aliases: await readAliases(options.settings, io) };
    const input = await readInput(options.file, io);
    const { aws, samlResponse } = readAssertion(input.text, input.name);
    const roles = options.all ? aws.roles : [findRole(aws, options.role!, input.name)];
    const endpoints = new Map(
      roles.map((role) => [
        role,
        checked(override?.variable ?? '--region', () =>
          stsEndpointFor(partitionOf(role), options.region, override?.url),
        ),
      ]),
    );
    const duration = durationSeconds ?? defaultDurationSeconds(aws);
    const params = {
      samlAssertion: samlResponse,
      ...(duration !== undefined ? { durationSeconds: duration } : {}),
    };
    if (!options.all) {
      const role = roles[0]!;
      const result = await assumeRoleWithSaml(
        {
          ...params,
          roleArn: role.roleArn,
          principalArn: role.providerArn,
          endpoint: endpoints.get(role)!,
        },
        deps,
      );
      if (!result.ok) throw new CliError(describeFailure(role, result.error), EXIT_STS_REFUSED);
      await emit(
        checked('--profile-template', () => formatSuccess(settings, role, result.credentials)),
        'the credentials',
      );
      return EXIT.ok;
    }
    const results = await assumeAllRoles(
      roles,
      { ...params, endpointFor: (role) => endpoints.get(role)! },
      deps,
    );
    const file = checked('--profile-template', () => profilesFile(settings, results));
    const written = results.filter(({ result }) => result.ok).length;
    if (file) await emit(file, `${written} profile${written === 1 ? '' : 's'}`);
    else if (options.output !== undefined)
      io.stderr(
        `saml-roles credentials: nothing written to ${options.output}: no role succeeded\n`,
      );
    const failed = results.flatMap(({ role, result }) =>
      result.ok ? [] : [{ role, error: result.error }],
    );
    for (const { role, error } of failed)
      io.stderr(`saml-roles credentials: ${describeFailure(role, error)}\n`);
    return failed.length > 0 ? EXIT_STS_REFUSED : EXIT.ok;
  };
}

/** The command as main.ts runs it: Node's fetch, bounded so a silent endpoint cannot hang it. */
export const runCredentials = createCredentialsCommand({
  fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS) }),
});

/** Where the output goes: stdout, or --output FILE with a line on stderr saying where. */
function output(
  file: string | undefined,
  io: CliIo,
  write: (path: string, text: string) => Promise<string>,
): (text: string, what: string) => Promise<void> {
  if (file === undefined) return async (text) => io.stdout(text);
  return async (text, what) => {
    const path = await write(file, text);
    io.stderr(`saml-roles credentials: wrote ${what} to ${path} (mode 600)\n`);
  };
}

/** Account aliases from a settings file the extension exported (Options → Export). */
async function readAliases(file: string | undefined, io: CliIo): Promise<Record<string, string>> {
  if (file === undefined) return {};
  let text: string;
  try {
    text = await io.readFile(file);
  } catch {
    throw new CliError(`--settings ${file}: cannot be read`, EXIT.usage);
  }
  let settings: ReturnType<typeof parseSettingsJson>;
  try {
    settings = parseSettingsJson(text);
  } catch (error) {
    throw new CliError(
      `--settings ${file}: ${error instanceof Error ? error.message : String(error)}`,
      EXIT.usage,
    );
  }
  return Object.fromEntries(
    Object.entries(settings.accounts).flatMap(([id, account]) =>
      account.alias ? [[id, account.alias]] : [],
    ),
  );
}

/**
 * Runs a check from the core and names the option or variable a refused value came from. A value
 * a format cannot hold came from the endpoint's answer, so it counts as an STS failure.
 */
function checked<T>(source: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isStsParameterError(error)) throw new CliError(`${source}: ${error.message}`, EXIT.usage);
    if (isUnsafeOutputError(error))
      throw new CliError(`nothing printed: ${error.message}`, EXIT_STS_REFUSED);
    throw error;
  }
}

/** One line: which role, AWS's code and words, what it means and what to do. */
export function describeFailure(role: RolePair, error: StsError): string {
  const retry = error.retryDurationSeconds
    ? ` Retry: --duration ${error.retryDurationSeconds}.`
    : '';
  const line = `${role.roleArn}: ${error.code}: ${error.message} | ${error.meaning} ${error.action}${retry}`;
  // Each whitespace run holding a line break becomes one space. One pass over maximal runs:
  // /\s*[\r\n]+\s*/ retried at every space of a long run, quadratic on an endpoint's message.
  return line.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run));
}
