import {
  formatCredentialProcess,
  formatEnv,
  formatIni,
  type RoleCredentials,
} from '../../core/credentials.ts';
import { CliError, EXIT } from '../io.ts';
import type { CredentialsArgs } from './credentials-args.ts';

type Granted = Extract<RoleCredentials, { kind: 'granted' }>;

/** One role's credentials in the chosen format. */
export function formatSuccess(options: Pick<CredentialsArgs, 'format' | 'shell'>, role: Granted) {
  if (options.format === 'process') return formatCredentialProcess(role.credentials);
  if (options.format === 'env')
    return formatEnv(role.credentials, options.shell, role.region ? { region: role.region } : {});
  return formatIni([profileOf(role)]);
}

/** The credentials file for the roles that were granted; empty when none was. */
export function profilesFile(roles: readonly RoleCredentials[]): string {
  const profiles = roles.flatMap((role) => (role.kind === 'granted' ? [profileOf(role)] : []));
  return profiles.length > 0 ? formatIni(profiles) : '';
}

/** The profile the plan named; a template that named this role nothing is a usage error here. */
function profileOf(role: Granted) {
  if (role.profile.problem !== undefined)
    throw new CliError(`--profile-template: ${role.profile.problem}`, EXIT.usage);
  return {
    name: role.profile.name,
    credentials: role.credentials,
    ...(role.region ? { region: role.region } : {}),
  };
}
