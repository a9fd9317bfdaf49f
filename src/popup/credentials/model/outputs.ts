import { formatEnv } from '../../../core/sts/format-env.ts';
import { formatIni } from '../../../core/sts/format-ini.ts';
import { formatCredentialProcess } from '../../../core/sts/format-process.ts';
import type { StsCredentials } from '../../../core/sts/types.ts';

export type OutputId = 'bash' | 'fish' | 'powershell' | 'ini' | 'process';

export interface CredentialsOutput {
  id: OutputId;
  label: string;
  text: string;
}

/** Every way to hand the credentials to a tool, in the order the panel's tabs list them. */
export function credentialOutputs(
  credentials: StsCredentials,
  profile: string,
  region?: string,
): CredentialsOutput[] {
  const env = region ? { region } : {};
  return [
    { id: 'bash', label: 'bash/zsh', text: formatEnv(credentials, 'bash', env) },
    { id: 'fish', label: 'fish', text: formatEnv(credentials, 'fish', env) },
    { id: 'powershell', label: 'PowerShell', text: formatEnv(credentials, 'powershell', env) },
    {
      id: 'ini',
      label: '~/.aws/credentials',
      text: formatIni([{ name: profile, credentials, ...env }]),
    },
    { id: 'process', label: 'credential_process', text: formatCredentialProcess(credentials) },
  ];
}
