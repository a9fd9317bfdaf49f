import { assertIniSection, assertIniValue } from './output-guard.ts';
import type { StsCredentials } from './types.ts';

export interface CredentialsProfile {
  /** A section name, e.g. from profileName(). */
  name: string;
  credentials: StsCredentials;
  region?: string;
}

/**
 * An `~/.aws/credentials` file with one section per profile. A name given twice gets `-2`, `-3`
 * appended, because a repeated section would silently replace the first. Values are written bare,
 * so one that a reader would cut, or that could start a new line or section, is refused.
 */
export function formatIni(profiles: readonly CredentialsProfile[]): string {
  const used = new Set<string>();
  return profiles
    .map((profile) => {
      let name = profile.name;
      for (let n = 2; used.has(name); n++) name = `${profile.name}-${n}`;
      used.add(name);
      assertIniSection(name);
      for (const [field, value] of Object.entries(profile.credentials))
        assertIniValue(field, value);
      if (profile.region) assertIniValue('region', profile.region);
      const lines = [
        `[${name}]`,
        `# expires ${profile.credentials.expiration}`,
        `aws_access_key_id = ${profile.credentials.accessKeyId}`,
        `aws_secret_access_key = ${profile.credentials.secretAccessKey}`,
        `aws_session_token = ${profile.credentials.sessionToken}`,
      ];
      if (profile.region) lines.push(`region = ${profile.region}`);
      return `${lines.join('\n')}\n`;
    })
    .join('\n');
}
