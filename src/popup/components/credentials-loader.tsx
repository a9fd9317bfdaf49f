import { useEffect, useState } from 'preact/hooks';
import type {
  CredentialsPanel,
  CredentialsPanelDeps,
  CredentialsPanelProps,
} from '../credentials/credentials-panel.tsx';

export type CredentialsLoaderProps = Omit<CredentialsPanelProps, 'deps'>;

/**
 * Loads the credentials panel's chunk (STS client, formats) only when it is first opened, and
 * binds the panel's stores to the browser there, once.
 */
export function CredentialsLoader(props: CredentialsLoaderProps) {
  const [loaded, setLoaded] = useState<{
    Panel: typeof CredentialsPanel;
    deps: CredentialsPanelDeps;
  }>();
  const [error, setError] = useState('');
  const { tabId, now } = props;
  useEffect(() => {
    import('../credentials/lazy.ts').then(
      (chunk) =>
        setLoaded({
          Panel: chunk.CredentialsPanel,
          deps: chunk.browserCredentialsDeps(tabId, now),
        }),
      (e: unknown) => setError(String(e)),
    );
  }, [tabId, now]);
  if (loaded) return <loaded.Panel {...props} deps={loaded.deps} />;
  return <p class="empty">{error || 'Loading…'}</p>;
}
