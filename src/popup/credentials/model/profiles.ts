import {
  DEFAULT_PROFILE_TEMPLATE,
  isStsParameterError,
  profileName,
  type RolePair,
} from '../../../core/credentials.ts';
import type { Settings } from '../../../core/settings.ts';
import type { CredentialSettings } from '../../../shared/credentialSettings.ts';

/** Account aliases, and the template setting. */
export interface ProfileSettings {
  accounts: Settings['accounts'];
  credentials: CredentialSettings;
}

export interface ProfileChoice {
  name: string;
  /** Set when the template setting was unusable and the default one was used instead. */
  warning?: string;
}

/** The `~/.aws/credentials` profile name for a role, from the template setting and its alias. */
export function profileFor(
  role: Pick<RolePair, 'accountId' | 'roleName' | 'partition'>,
  settings: ProfileSettings,
  region?: string,
): ProfileChoice {
  const alias = settings.accounts[role.accountId]?.alias;
  const facts = {
    accountId: role.accountId,
    roleName: role.roleName,
    partition: role.partition,
    ...(alias ? { accountAlias: alias } : {}),
    ...(region ? { region } : {}),
  };
  const template = settings.credentials?.profileTemplate ?? DEFAULT_PROFILE_TEMPLATE;
  try {
    return { name: profileName(template, facts) };
  } catch (error) {
    if (!isStsParameterError(error)) throw error;
    return {
      name: profileName(DEFAULT_PROFILE_TEMPLATE, facts),
      warning: `${error.message}; used ${DEFAULT_PROFILE_TEMPLATE} instead.`,
    };
  }
}
