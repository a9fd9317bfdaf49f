import { useEffect, useState } from 'preact/hooks';
import type { HistoryPanel, HistoryDeps, HistoryPanelProps } from '../history/history-panel.tsx';

export type HistoryLoaderProps = Omit<HistoryPanelProps, 'deps'>;

/** Loads the history chunk (list, diff, file compare) only when the history is first opened. */
export function HistoryLoader(props: HistoryLoaderProps) {
  const [loaded, setLoaded] = useState<{ Panel: typeof HistoryPanel; deps: HistoryDeps }>();
  const [error, setError] = useState('');
  useEffect(() => {
    import('../history/lazy.ts').then(
      (chunk) => setLoaded({ Panel: chunk.HistoryPanel, deps: chunk.browserHistoryDeps() }),
      (e: unknown) => setError(String(e)),
    );
  }, []);
  if (loaded) return <loaded.Panel {...props} deps={loaded.deps} />;
  return <p class="empty">{error || 'Loading…'}</p>;
}
