import { useState } from 'preact/hooks';
import type { Settings } from '../../core/settings.ts';
import { accountRows } from '../accounts.ts';

export interface AccountTableProps {
  settings: Settings;
  onChange(accountId: string, change: { alias?: string; color?: string }): void;
  onRemove(accountId: string): void;
}

/** Account aliases and colours: typed here or learned from AWS's role-selection page. */
export function AccountTable({ settings, onChange, onRemove }: AccountTableProps) {
  const [newId, setNewId] = useState('');
  const [newAlias, setNewAlias] = useState('');
  const rows = accountRows(settings);
  return (
    <table class="accounts" data-testid="accounts">
      <thead>
        <tr>
          <th>Account ID</th>
          <th>Alias</th>
          <th>Colour</th>
          <th>
            <span class="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.accountId} data-testid="account" data-account-id={row.accountId}>
            <td>
              <code>{row.accountId}</code>
            </td>
            <td>
              <input
                value={row.alias ?? ''}
                aria-label={`Alias of ${row.accountId}`}
                onChange={(e) => onChange(row.accountId, { alias: e.currentTarget.value })}
              />
              {row.learned && <span class="muted"> learned from AWS</span>}
            </td>
            <td>
              <input
                type="color"
                value={row.color ?? '#9ca3af'}
                aria-label={`Colour of ${row.accountId}`}
                onChange={(e) => onChange(row.accountId, { color: e.currentTarget.value })}
              />
            </td>
            <td>
              <button
                type="button"
                class="link"
                aria-label={`Remove ${row.accountId}`}
                onClick={() => onRemove(row.accountId)}
              >
                Remove
              </button>
            </td>
          </tr>
        ))}
        <tr>
          <td>
            <input
              placeholder="123456789012"
              aria-label="New account ID"
              value={newId}
              data-testid="new-account-id"
              onInput={(e) => setNewId(e.currentTarget.value.trim())}
            />
          </td>
          <td>
            <input
              placeholder="alias"
              aria-label="Alias of the new account"
              value={newAlias}
              data-testid="new-account-alias"
              onInput={(e) => setNewAlias(e.currentTarget.value)}
            />
          </td>
          <td />
          <td>
            <button
              type="button"
              data-testid="add-account"
              onClick={() => {
                onChange(newId, { alias: newAlias });
                setNewId('');
                setNewAlias('');
              }}
            >
              Add
            </button>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
