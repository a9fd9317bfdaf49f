import {
  DEFAULT_PROFILE_TEMPLATE,
  formatCredentialProcess,
  formatEnv,
  formatIni,
  profileName,
  type RolePair,
  type RoleResult,
  type StsCredentials,
} from '../../core/credentials.ts';
import type { CredentialsArgs } from './credentials-args.ts';

type OutputOptions = Pick<CredentialsArgs, 'format' | 'shell' | 'region' | 'profileTemplate'> & {
  /** Account ID -> alias, for `{accountAlias}` in profile names. */
  aliases?: Readonly<Record<string, string>>;
};

/** One role's credentials in the chosen format. */
export function formatSuccess(
  options: OutputOptions,
  role: RolePair,
  credentials: StsCredentials,
): string {
  if (options.format === 'process') return formatCredentialProcess(credentials);
  if (options.format === 'env')
    return formatEnv(credentials, options.shell, options.region ? { region: options.region } : {});
  return formatIni([profileOf(options, role, credentials)]);
}

/** The credentials file for the roles that succeeded; empty when none did. */
export function profilesFile(options: OutputOptions, results: readonly RoleResult[]): string {
  const profiles = results.flatMap(({ role, result }) =>
    result.ok ? [profileOf(options, role, result.credentials)] : [],
  );
  return profiles.length > 0 ? formatIni(profiles) : '';
}

function profileOf(options: OutputOptions, role: RolePair, credentials: StsCredentials) {
  const alias = options.aliases?.[role.accountId];
  const name = profileName(options.profileTemplate ?? DEFAULT_PROFILE_TEMPLATE, {
    ...(alias ? { accountAlias: alias } : {}),
    accountId: role.accountId,
    roleName: role.roleName,
    partition: role.partition,
    ...(options.region ? { region: options.region } : {}),
  });
  return { name, credentials, ...(options.region ? { region: options.region } : {}) };
}
