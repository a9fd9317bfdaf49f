import { useState } from 'preact/hooks';
import { DEFAULT_PROFILE_TEMPLATE } from '../../core/credentials.ts';
import type { CredentialSettings } from '../../shared/credential-settings.ts';
import { planSave, saveCredentialSettings, type SaveDeps } from '../save-credential-settings.ts';

export interface CredentialSettingsFormProps extends SaveDeps {
  initial: CredentialSettings;
}

const FIELDS: {
  key: keyof CredentialSettings;
  label: string;
  placeholder: string;
  help: string;
}[] = [
  {
    key: 'stsEndpoint',
    label: 'Custom STS endpoint',
    placeholder: 'https://sts.eu-west-1.amazonaws.com',
    help: 'Like AWS_ENDPOINT_URL_STS: every STS call goes here instead (e.g. a VPC endpoint). https, or http to this machine only.',
  },
  {
    key: 'profileTemplate',
    label: 'Profile name template',
    placeholder: DEFAULT_PROFILE_TEMPLATE,
    help: 'Placeholders: accountAlias, accountId, roleName, partition, region; "a|b" takes the first set.',
  },
  {
    key: 'region',
    label: 'Default STS region',
    placeholder: 'global endpoint',
    help: 'Preselected in the credentials panel for roles in its partition.',
  },
];

/** Advanced settings for STS credentials; a custom endpoint is saved only with its permission. */
export function CredentialSettingsForm({ initial, ...deps }: CredentialSettingsFormProps) {
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Partial<Record<keyof CredentialSettings, string>>>({});
  const [message, setMessage] = useState('');
  const save = (): void => {
    const plan = planSave(draft);
    if (!plan.ok) {
      setProblems(plan.problems);
      setMessage('');
      return;
    }
    setProblems({});
    // Called within the click: the permission prompt needs the user's gesture.
    saveCredentialSettings(plan, deps).then(setMessage, (error: unknown) =>
      setMessage(`Could not save: ${String(error)}`),
    );
  };
  return (
    <div class="credential-settings" data-testid="credential-settings">
      {FIELDS.map(({ key, label, placeholder, help }) => (
        <label key={key} class="field">
          <span>{label}</span>
          <input
            data-testid={`setting-${key}`}
            placeholder={placeholder}
            value={draft[key] ?? ''}
            aria-invalid={problems[key] !== undefined}
            onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
          />
          <span class="muted">{help}</span>
          {problems[key] && (
            <span class="message error" data-testid={`problem-${key}`}>
              {problems[key]}
            </span>
          )}
        </label>
      ))}
      <button type="button" data-testid="save-credential-settings" onClick={save}>
        Save
      </button>{' '}
      <span role="status" data-testid="credential-settings-message">
        {message}
      </span>
    </div>
  );
}
