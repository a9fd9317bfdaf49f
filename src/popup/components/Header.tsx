import type { Inspection } from '../../core/index.ts';
import { formatRemaining } from '../model/time.ts';

export interface HeaderProps {
  inspection: Inspection;
  expiresAt?: number;
  now: number;
  view: 'roles' | 'details';
  onView(view: 'roles' | 'details'): void;
}

/** Who is signing in, from where, and how long the assertion is still good for. */
export function Header({ inspection, expiresAt, now, view, onView }: HeaderProps) {
  const { aws, saml } = inspection;
  const remaining = expiresAt === undefined ? undefined : formatRemaining(expiresAt, now);
  const errors = inspection.findings.filter((f) => f.severity === 'error').length;
  return (
    <header class="header">
      <div class="header-main">
        <div class="session" data-testid="session-name" title="RoleSessionName">
          {aws.sessionName ?? saml.nameId?.value ?? '(no session name)'}
        </div>
        <div class="issuer" data-testid="issuer" title="Issuer">
          {saml.issuer ?? '(no issuer)'}
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
      </div>
    </header>
  );
}
