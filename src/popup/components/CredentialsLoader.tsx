import { useEffect, useState } from 'preact/hooks';
import type { CredentialsPanel, CredentialsPanelProps } from '../credentials/CredentialsPanel.tsx';

export type CredentialsLoaderProps = CredentialsPanelProps;

/** Loads the credentials panel's chunk (STS client, formats) only when it is first opened. */
export function CredentialsLoader(props: CredentialsLoaderProps) {
  const [Panel, setPanel] = useState<typeof CredentialsPanel>();
  const [error, setError] = useState('');
  useEffect(() => {
    import('../credentials/CredentialsPanel.tsx').then(
      (module) => setPanel(() => module.CredentialsPanel),
      (e: unknown) => setError(String(e)),
    );
  }, []);
  if (Panel) return <Panel {...props} />;
  return <p class="empty">{error || 'Loading…'}</p>;
}
