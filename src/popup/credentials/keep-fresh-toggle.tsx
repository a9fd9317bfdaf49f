import { useEffect, useState } from 'preact/hooks';
import type { RefreshStatus } from '../../shared/keep-fresh/refresh-status.ts';

/** Keep fresh for the panel, bound to the browser in browser-deps.ts. */
export interface KeepFreshDeps {
  /** Whether the role is kept fresh, and its last refresh for this tab. */
  load(tabId: number, roleArn: string): Promise<{ on: boolean; status?: RefreshStatus }>;
  /**
   * Turns it on or off for the role; turning on asks for the permissions first (from the click).
   * Returns the problem when it could not.
   */
  set(roleArn: string, on: boolean): Promise<string | undefined>;
}

export interface KeepFreshToggleProps {
  tabId: number;
  roleArn: string;
  deps: KeepFreshDeps;
}

/** "Keep fresh" on one role's credentials, and what its last refresh came to. */
export function KeepFreshToggle({ tabId, roleArn, deps }: KeepFreshToggleProps) {
  const [on, setOn] = useState(false);
  const [status, setStatus] = useState<RefreshStatus>();
  const [problem, setProblem] = useState('');
  useEffect(() => {
    void deps.load(tabId, roleArn).then(
      (loaded) => {
        setOn(loaded.on);
        setStatus(loaded.status);
      },
      () => undefined,
    );
  }, [deps, tabId, roleArn]);
  return (
    <div class="keep-fresh" data-testid="keep-fresh-role">
      <label>
        <input
          type="checkbox"
          data-testid="keep-fresh-toggle"
          checked={on}
          onChange={(event) => {
            const next = event.currentTarget.checked;
            void deps.set(roleArn, next).then((p) => {
              setProblem(p ?? '');
              if (!p) setOn(next);
            });
          }}
        />{' '}
        Keep fresh (new credentials before these expire)
      </label>
      {problem && <p class="field-error">{problem}</p>}
      {status?.kind === 'refreshed' && (
        <p class="muted" data-testid="keep-fresh-status">
          Refreshed at {new Date(status.at).toLocaleTimeString()}.
        </p>
      )}
      {status?.kind === 'failed' && (
        <p class="field-error" data-testid="keep-fresh-status">
          {status.error.signInUrl
            ? `Sign in at ${status.error.signInUrl}: the IdP wants you before it signs in again.`
            : status.error.message}
        </p>
      )}
    </div>
  );
}
