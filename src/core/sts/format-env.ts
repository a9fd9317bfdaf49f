import { assertShowable } from './output-guard.ts';
import type { StsCredentials } from './types.ts';

export type Shell = 'bash' | 'zsh' | 'fish' | 'powershell';
export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish', 'powershell'];

/** Single-quoted literals: nothing inside is expanded in any of the three shells. */
const QUOTE: Record<Shell, (value: string) => string> = {
  // bash/zsh: no escapes inside '...', so a quote closes, is escaped, and reopens.
  bash: (value) => `'${value.replace(/'/g, `'\\''`)}'`,
  // zsh reads '...' and `export` exactly as bash does.
  zsh: (value) => QUOTE.bash(value),
  // fish: inside '...' only \\ and \' are escapes.
  fish: (value) => `'${value.replace(/[\\']/g, '\\$&')}'`,
  // PowerShell: a quote is doubled, and the typographic single quotes count as quotes too.
  powershell: (value) => `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`,
};

const ASSIGN: Record<Shell, (name: string, quoted: string) => string> = {
  bash: (name, quoted) => `export ${name}=${quoted}`,
  zsh: (name, quoted) => `export ${name}=${quoted}`,
  fish: (name, quoted) => `set -gx ${name} ${quoted}`,
  powershell: (name, quoted) => `$Env:${name} = ${quoted}`,
};

/**
 * Lines that put the credentials in the environment of the shell that evaluates them. `#` starts
 * a comment in all three shells, so the expiry line is safe to paste. Every value is a single-quoted
 * literal, and a control character (which could end the comment line, or make `eval` or a terminal
 * act) is refused before anything is written.
 */
export function formatEnv(
  credentials: StsCredentials,
  shell: Shell,
  options: { region?: string } = {},
): string {
  const variables: [string, string][] = [
    ['AWS_ACCESS_KEY_ID', credentials.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey],
    ['AWS_SESSION_TOKEN', credentials.sessionToken],
    // Read by the AWS SDKs (e.g. JavaScript v3) to know when to stop using these.
    ['AWS_CREDENTIAL_EXPIRATION', credentials.expiration],
  ];
  if (options.region)
    variables.push(['AWS_REGION', options.region], ['AWS_DEFAULT_REGION', options.region]);
  const values: [string, string][] = [
    ...Object.entries(credentials),
    ['region', options.region ?? ''],
  ];
  for (const [field, value] of values) assertShowable(shell, field, value);
  const lines = variables.map(([name, value]) => ASSIGN[shell](name, QUOTE[shell](value)));
  return [`# expires ${credentials.expiration}`, ...lines, ''].join('\n');
}
