import type { CaptureSummary } from '../../shared/capture.ts';
import { expiryWarning, formatRemaining } from '../model/time.ts';

export interface HeaderProps {
  summary: CaptureSummary;
  now: number;
  /** Any view but the role list offers the way back to it. */
  view: 'roles' | 'details' | 'credentials';
  onView(view: 'roles' | 'details' | 'history'): void;
}

/** Who is signing in, from where, and how long the assertion is still good for. */
export function Header({ summary, now, view, onView }: HeaderProps) {
  const { expiresAt } = summary;
  const remaining = expiresAt === undefined ? undefined : formatRemaining(expiresAt, now);
  const errors = summary.errors.length;
  return (
    <header class="header">
      <div class="header-main">
        <div class="session" data-testid="session-name" title="RoleSessionName">
          {summary.sessionName ?? summary.nameId ?? '(no session name)'}
        </div>
        <div class="issuer" data-testid="issuer" title="Issuer">
          {summary.issuer ?? '(no issuer)'}
        </div>
      </div>
      <div class="header-side">
        {expiresAt !== undefined && (
          <div
            class={remaining ? 'expiry' : 'expiry expired'}
            data-testid="expires-in"
            title="Time left before AWS refuses the assertion"
          >
            {remaining ? `expires in ${remaining}` : 'expired'}
          </div>
        )}
        <span class="sr-only" role="status" data-testid="expiry-warning">
          {expiryWarning(expiresAt, now)}
        </span>
        <button
          type="button"
          class="link"
          data-testid="toggle-details"
          onClick={() => onView(view === 'roles' ? 'details' : 'roles')}
        >
          {view === 'roles'
            ? `Details${errors ? ` (${errors} error${errors > 1 ? 's' : ''})` : ''}`
            : 'Roles'}
        </button>
        <button
          type="button"
          class="link"
          data-testid="open-history"
          onClick={() => onView('history')}
        >
          History
        </button>
      </div>
    </header>
  );
}
