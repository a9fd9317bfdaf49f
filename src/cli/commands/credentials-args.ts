import { parseArgs } from 'node:util';
import { type Shell, SHELLS } from '../../core/credentials.ts';
import { CliError, EXIT } from '../io.ts';

export type CredentialsFormat = 'env' | 'ini' | 'process';
const FORMATS: readonly CredentialsFormat[] = ['env', 'ini', 'process'];

export interface CredentialsArgs {
  help: boolean;
  file?: string;
  /** One role ARN, or every role of the assertion. */
  role?: string;
  all: boolean;
  duration?: string;
  region?: string;
  format: CredentialsFormat;
  shell: Shell;
  profileTemplate?: string;
  /** A settings file exported by the extension, for account aliases in profile names. */
  settings?: string;
  /** Where to write the output (mode 0600) instead of stdout. */
  output?: string;
}

/** Reads and cross-checks the options; every misuse is one CliError with the usage exit code. */
export function parseCredentialsArgs(args: string[]): CredentialsArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      all: { type: 'boolean' },
      duration: { type: 'string' },
      region: { type: 'string' },
      format: { type: 'string' },
      shell: { type: 'string' },
      'profile-template': { type: 'string' },
      settings: { type: 'string' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const usage = (message: string) => new CliError(message, EXIT.usage);
  if (values.help) return { help: true, all: false, format: 'env', shell: 'bash' };
  if (positionals.length > 1)
    throw usage(`credentials takes one FILE (or -), got ${positionals.length}`);
  const all = values.all ?? false;
  if (all === (values.role !== undefined))
    throw usage(
      all ? 'give --role ARN or --all, not both' : 'give --role ARN, or --all for every role',
    );
  const format = oneOf(values.format ?? (all ? 'ini' : 'env'), FORMATS, '--format');
  if (all && format !== 'ini')
    throw usage(`--all writes one profile per role, so it takes only --format ini (got ${format})`);
  if (values.shell !== undefined && format !== 'env')
    throw usage(`--shell applies to --format env, not ${format}`);
  for (const option of ['profile-template', 'settings'] as const)
    if (values[option] !== undefined && format !== 'ini')
      throw usage(`--${option} applies to --format ini, not ${format}`);
  return {
    help: false,
    all,
    format,
    shell: oneOf(values.shell ?? 'bash', SHELLS, '--shell'),
    ...(positionals[0] !== undefined ? { file: positionals[0] } : {}),
    ...(values.role !== undefined ? { role: values.role } : {}),
    ...(values.duration !== undefined ? { duration: values.duration } : {}),
    ...(values.region !== undefined ? { region: values.region } : {}),
    ...(values['profile-template'] !== undefined
      ? { profileTemplate: values['profile-template'] }
      : {}),
    ...(values.settings !== undefined ? { settings: values.settings } : {}),
    ...(values.output !== undefined ? { output: values.output } : {}),
  };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(
    `${option} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`,
    EXIT.usage,
  );
}

/** AWS_ENDPOINT_URL_STS, then AWS_ENDPOINT_URL, as the AWS CLI and SDKs read them. */
export function endpointOverrideFromEnv(
  env: Record<string, string | undefined>,
): { variable: string; url: string } | undefined {
  if (/^true$/i.test(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '')) return undefined;
  for (const variable of ['AWS_ENDPOINT_URL_STS', 'AWS_ENDPOINT_URL']) {
    const url = env[variable]?.trim();
    if (url) return { variable, url };
  }
  return undefined;
}
