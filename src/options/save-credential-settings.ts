// Saving the options page's credentials form: which values to keep, what is wrong, and the host
// permission a custom endpoint needs first. The settings themselves live in shared/credential-settings.ts.
import {
  credentialSettingsProblems,
  endpointOriginPattern,
  type CredentialSettings,
} from '../shared/credential-settings.ts';

export type SavePlan =
  | { ok: false; problems: Partial<Record<keyof CredentialSettings, string>> }
  /** `permission`: the host pattern to ask for first (a custom endpoint outside the manifest's). */
  | { ok: true; settings: CredentialSettings; permission?: string };

/** Checks the form's values; what to save and which host permission it needs. */
export function planSave(draft: CredentialSettings): SavePlan {
  const settings: CredentialSettings = {};
  for (const key of ['stsEndpoint', 'profileTemplate', 'region'] as const) {
    const value = draft[key]?.trim();
    if (value) settings[key] = value;
  }
  const problems = credentialSettingsProblems(settings);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return settings.stsEndpoint
    ? { ok: true, settings, permission: endpointOriginPattern(settings.stsEndpoint) }
    : { ok: true, settings };
}

export interface SaveDeps {
  requestPermission(pattern: string): Promise<boolean>;
  save(settings: CredentialSettings): Promise<void>;
}

/** Asks for the endpoint's host permission, then saves; nothing is saved without it. */
export async function saveCredentialSettings(
  plan: Extract<SavePlan, { ok: true }>,
  deps: SaveDeps,
): Promise<string> {
  if (plan.permission && !(await deps.requestPermission(plan.permission)))
    return `Not saved: without access to ${plan.permission} the extension cannot call that endpoint.`;
  await deps.save(plan.settings);
  return 'Credentials settings saved.';
}
