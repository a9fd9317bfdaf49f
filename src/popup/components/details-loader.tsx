import { useEffect, useState } from 'preact/hooks';
import type { Inspection } from '../../core/inspect.ts';
import type { DetailsView } from './details-view.tsx';
import { Notice } from './notice.tsx';

export interface DetailsLoaderProps {
  load(): Promise<Inspection>;
  copyText(text: string): Promise<void>;
}

/**
 * Reads the whole inspection only when the details are asked for, and loads the view (with the
 * report formats) in its own chunk meanwhile: neither is part of the popup's first load.
 */
export function DetailsLoader({ load, copyText }: DetailsLoaderProps) {
  const [state, setState] = useState<{
    inspection?: Inspection;
    View?: typeof DetailsView;
    error?: string;
  }>({});
  useEffect(() => {
    Promise.all([load(), import('./details-view.tsx')]).then(
      ([inspection, module]) => setState({ inspection, View: module.DetailsView }),
      (error: unknown) =>
        setState({ error: error instanceof Error ? error.message : String(error) }),
    );
  }, [load]);
  if (state.error) {
    return (
      <Notice title="The details could not be read" tone="error" testId="details-error" level={2}>
        <p>{state.error}</p>
      </Notice>
    );
  }
  const { inspection, View } = state;
  if (!inspection || !View) return <p class="empty">Reading the assertion…</p>;
  return <View inspection={inspection} copyText={copyText} />;
}
