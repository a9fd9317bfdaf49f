import {
  formatCredentialProcess,
  formatEnv,
  formatIni,
  isUnsafeOutputError,
  type StsCredentials,
} from '../../../core/credentials.ts';

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
    { id: 'bash', label: 'bash/zsh', text: shown(() => formatEnv(credentials, 'bash', env)) },
    { id: 'fish', label: 'fish', text: shown(() => formatEnv(credentials, 'fish', env)) },
    {
      id: 'powershell',
      label: 'PowerShell',
      text: shown(() => formatEnv(credentials, 'powershell', env)),
    },
    {
      id: 'ini',
      label: '~/.aws/credentials',
      text: shown(() => formatIni([{ name: profile, credentials, ...env }])),
    },
    {
      id: 'process',
      label: 'credential_process',
      text: shown(() => formatCredentialProcess(credentials)),
    },
  ];
}

/**
 * The formatted text, or a comment saying why there is none. The STS reader already refuses such
 * values; this keeps one that got past it from taking the whole panel down.
 */
export function shown(format: () => string): string {
  try {
    return format();
  } catch (error) {
    if (!isUnsafeOutputError(error)) throw error;
    return `# not shown: ${error.message}\n`;
  }
}
