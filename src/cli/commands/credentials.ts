import {
  getCredentials,
  isUnsafeOutputError,
  type RoleCredentials,
  type RolePair,
  type StsError,
  type StsParameterError,
} from '../../core/credentials.ts';
import { parseSettingsJson } from '../../core/settings.ts';
import { unreadableFileMessage } from '../../idp/unreadable-file.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';
import { readInput } from '../read-input.ts';
import { checkPrivateFileTarget, writePrivateFile } from '../write-private-file.ts';
import { endpointOverrideFromEnv, parseCredentialsArgs } from './credentials-args.ts';
import { findRole, readAssertion } from './credentials-input.ts';
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
  --shell SH            for env: bash (default), zsh, fish or powershell
  --profile-template T  for ini: profile names, default {accountAlias|accountId}-{roleName}
  --settings FILE       for ini: account aliases from the extension's exported settings
  --output FILE, -o     write to FILE instead of stdout: mode 600, replaced in one step (never
                        half-written), a symbolic link refused; stderr says where it went. Use it
                        rather than '> FILE', which the shell empties before anything can fail.
                        Nothing is written when the request fails; with --all, FILE gets only the
                        roles STS granted (stderr names the others), and is left as it was when
                        none was
AWS_ENDPOINT_URL_STS (then AWS_ENDPOINT_URL) sets a custom STS endpoint, as for the AWS CLI.
Exit: 0 credentials printed or written, 1 STS refused (with --all: any role), 2 bad input or
usage (with --all: any role in a partition this tool cannot reach; the others still printed).`;

/** Exit code when STS (or the way to it) refused; usage and undecodable input use EXIT.usage. */
export const EXIT_STS_REFUSED = 1;

/** The `credentials` command: the core plans and gets the credentials, this renders the result. */
export async function runCredentials(args: string[], io: CliIo): Promise<number> {
  const options = parseCredentialsArgs(args);
  if (options.help) {
    io.stdout(`${CREDENTIALS_USAGE}\n`);
    return EXIT.ok;
  }
  const override = endpointOverrideFromEnv(io.env);
  // Checked before STS is called, so a bad path does not spend an assertion.
  if (options.output !== undefined) await checkPrivateFileTarget(options.output);
  const emit = output(options.output, io);
  const aliases = await readAliases(options.settings, io);
  const input = await readInput(options.file, io);
  const { aws, samlResponse, expiresAt } = readAssertion(input.text, input.name);
  const outcome = await getCredentials(
    {
      roles: options.all ? aws.roles : [findRole(aws, options.role!, input.name)],
      samlAssertion: samlResponse,
      accountAliases: aliases,
      ...(expiresAt !== undefined ? { assertionWindow: { expiresAt, now: io.now() } } : {}),
      ...(aws.sessionDuration !== undefined ? { sessionDuration: aws.sessionDuration } : {}),
      ...(options.duration !== undefined ? { duration: options.duration } : {}),
      ...(options.region !== undefined ? { region: options.region } : {}),
      ...(override ? { customEndpoint: override.url } : {}),
      ...(options.profileTemplate !== undefined
        ? { profileTemplate: options.profileTemplate }
        : {}),
    },
    { fetch: io.fetch },
  );
  if (!outcome.ok) {
    const source = sourceOf(outcome.error, override?.variable);
    throw new CliError(`${source ? `${source}: ` : ''}${outcome.error.message}`, EXIT.usage);
  }
  const roles = outcome.roles;
  if (!options.all) {
    const role = roles[0]!;
    if (role.kind === 'unreachable') throw new CliError(role.message, EXIT.usage);
    if (role.kind === 'refused')
      throw new CliError(describeFailure(role.role, role.error), EXIT_STS_REFUSED);
    await emit(
      printable(() => formatSuccess(options, role)),
      'the credentials',
    );
    return EXIT.ok;
  }
  const file = printable(() => profilesFile(roles));
  const written = roles.filter((role) => role.kind === 'granted').length;
  if (file) await emit(file, `${written} profile${written === 1 ? '' : 's'}`);
  else if (options.output !== undefined)
    io.stderr(`saml-roles credentials: nothing written to ${options.output}: no role succeeded\n`);
  const left = roles.filter((role) => role.kind !== 'granted');
  if (file && options.output !== undefined && left.length > 0)
    io.stderr(
      `saml-roles credentials: not written: ${left.length} role${left.length === 1 ? '' : 's'} (${left.map(profileLabel).join(', ')})\n`,
    );
  for (const role of roles) {
    if (role.kind === 'unreachable') io.stderr(`saml-roles credentials: ${role.message}\n`);
    if (role.kind === 'refused')
      io.stderr(`saml-roles credentials: ${describeFailure(role.role, role.error)}\n`);
  }
  // A role the tool cannot send anywhere is bad input; one STS refused is a refusal.
  if (roles.some((role) => role.kind === 'unreachable')) return EXIT.usage;
  return roles.some((role) => role.kind === 'refused') ? EXIT_STS_REFUSED : EXIT.ok;
}

/** Where the output goes: stdout, or --output FILE with a line on stderr saying where. */
function output(
  file: string | undefined,
  io: CliIo,
): (text: string, what: string) => Promise<void> {
  if (file === undefined) return async (text) => io.stdout(text);
  return async (text, what) => {
    const path = await writePrivateFile(file, text);
    io.stderr(`saml-roles credentials: wrote ${what} to ${path} (mode 600)\n`);
  };
}

/** Account aliases from a settings file the extension exported (Options → Export). */
async function readAliases(file: string | undefined, io: CliIo): Promise<Record<string, string>> {
  if (file === undefined) return {};
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    throw new CliError(`--settings: ${unreadableFileMessage(file, error)}`, EXIT.usage);
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

/** A role left out of the file, by the profile name it would have had. */
function profileLabel(role: RoleCredentials): string {
  return role.kind === 'unreachable' ? role.role.roleArn : role.profile.name;
}

/** The option or variable a refused parameter came from. */
function sourceOf(error: StsParameterError, endpointVariable: string | undefined): string {
  switch (error.code) {
    case 'duration-invalid':
      return '--duration';
    case 'profile-template-invalid':
      return '--profile-template';
    case 'endpoint-invalid':
    case 'endpoint-insecure':
      return endpointVariable ?? 'STS endpoint';
    case 'region-invalid':
      return '--region';
    case 'assertion-expired':
      return '';
    default:
      return 'STS request';
  }
}

/** A value a format cannot hold came from the endpoint's answer, so it counts as an STS failure. */
function printable(format: () => string): string {
  try {
    return format();
  } catch (error) {
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
