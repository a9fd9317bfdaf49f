import { useEffect, useState } from 'preact/hooks';
import type { Inspection } from '../../core/index.ts';
import { DetailsView } from './DetailsView.tsx';
import { Notice } from './Notice.tsx';

export interface DetailsLoaderProps {
  load(): Promise<Inspection>;
  copyText(text: string): Promise<void>;
}

/** Reads the whole inspection only when the details are asked for. */
export function DetailsLoader({ load, copyText }: DetailsLoaderProps) {
  const [state, setState] = useState<{ inspection?: Inspection; error?: string }>({});
  useEffect(() => {
    load().then(
      (inspection) => setState({ inspection }),
      (error: unknown) =>
        setState({ error: error instanceof Error ? error.message : String(error) }),
    );
  }, [load]);
  if (state.error) {
    return (
      <Notice title="The details could not be read" tone="error" testId="details-error">
        <p>{state.error}</p>
      </Notice>
    );
  }
  if (!state.inspection) return <p class="empty">Reading the assertion…</p>;
  return <DetailsView inspection={state.inspection} copyText={copyText} />;
}
