import { useState } from 'preact/hooks';
import {
  consoleSigninUrl,
  reachablePartition,
  type RolePair,
  type StsError,
} from '../../core/credentials.ts';
import type { StoredCredentials } from '../../shared/credentials-store.ts';
import type { CredentialsEnv } from './env.ts';
import { StsErrorView } from './sts-error-view.tsx';

export interface ConsoleButtonProps {
  role: RolePair;
  entry: StoredCredentials;
  env: CredentialsEnv;
}

/**
 * The console as this role in a new tab, through AWS's federation sign-in token: no trip back to
 * the IdP, and each role in its own tab.
 */
export function ConsoleButton({ role, entry, env }: ConsoleButtonProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<StsError>();
  const open = async (): Promise<void> => {
    setError(undefined);
    // Only reachable roles get credentials; even so, never another partition's console.
    const reach = reachablePartition(role);
    if (!reach.ok) throw new Error(reach.message);
    setBusy(true);
    const answer = await consoleSigninUrl(reach.partition, entry.credentials, {
      fetch: env.fetch,
      ...(env.idpUrl ? { issuer: env.idpUrl } : {}),
    });
    setBusy(false);
    if (answer.ok) await env.openTab(answer.url);
    else setError(answer.error);
  };
  return (
    <>
      <button
        type="button"
        data-testid="open-console"
        disabled={busy}
        onClick={() => void open().catch((e: unknown) => setError(unexpected(e)))}
      >
        Open console in a new tab
      </button>
      {error && <StsErrorView error={error} testId="console-error" />}
    </>
  );
}

function unexpected(error: unknown): StsError {
  return {
    code: 'ConsoleFailed',
    message: error instanceof Error ? error.message : String(error),
    meaning: 'The console tab could not be opened.',
    action: 'Try again, or copy the credentials instead.',
  };
}
