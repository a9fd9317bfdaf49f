// Advanced settings for STS credentials. Kept under their own storage key, read only by the options
// page and the credentials panel, so neither the popup's first load nor the worker carries them.
import { checkProfileTemplate, customEndpointProblem } from '../core/credentials.ts';
import { STS_REGIONS } from '../core/inspect.ts';
import type { KeyValueArea } from '../platform/types.ts';

export const CREDENTIAL_SETTINGS_KEY = 'credentialSettings';

export interface CredentialSettings {
  /** A custom STS endpoint URL, as AWS_ENDPOINT_URL_STS is for the AWS CLI. */
  stsEndpoint?: string;
  /** Profile-name template, e.g. `{accountAlias|accountId}-{roleName}`. */
  profileTemplate?: string;
  /** Default STS region; unset means each partition's default (global) endpoint. */
  region?: string;
}

const ALL_REGIONS = new Set(Object.values(STS_REGIONS).flat());

/** What is wrong with each field, for the options page; an empty object when all is well. */
export function credentialSettingsProblems(
  settings: CredentialSettings,
): Partial<Record<keyof CredentialSettings, string>> {
  const problems: Partial<Record<keyof CredentialSettings, string>> = {};
  // The same check the CLI and the popup make before calling an endpoint.
  const endpointProblem = settings.stsEndpoint && customEndpointProblem(settings.stsEndpoint);
  if (endpointProblem) problems.stsEndpoint = endpointProblem;
  if (settings.profileTemplate) {
    try {
      checkProfileTemplate(settings.profileTemplate);
    } catch (error) {
      problems.profileTemplate = error instanceof Error ? error.message : String(error);
    }
  }
  if (settings.region && !ALL_REGIONS.has(settings.region))
    problems.region = `"${settings.region}" is not a region with an STS endpoint`;
  return problems;
}

/** Reads stored settings, keeping only fields that pass their checks. */
export function normalizeCredentialSettings(value: unknown): CredentialSettings {
  const source = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const settings: CredentialSettings = {};
  for (const key of ['stsEndpoint', 'profileTemplate', 'region'] as const) {
    const text = source[key];
    if (typeof text === 'string' && text.trim()) settings[key] = text.trim();
  }
  const problems = credentialSettingsProblems(settings);
  for (const key of Object.keys(problems) as (keyof CredentialSettings)[]) delete settings[key];
  return settings;
}

/** The host permission a custom endpoint needs, e.g. `https://sts.example.com/*`. */
export function endpointOriginPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

export function credentialSettingsStore(area: KeyValueArea) {
  return {
    load: async (): Promise<CredentialSettings> =>
      normalizeCredentialSettings(await area.get(CREDENTIAL_SETTINGS_KEY)),
    save: (settings: CredentialSettings): Promise<void> =>
      area.set(CREDENTIAL_SETTINGS_KEY, normalizeCredentialSettings(settings)),
  };
}
