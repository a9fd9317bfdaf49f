import { useEffect, useState } from 'preact/hooks';
import type { Inspection } from '../../core/inspect.ts';
import type { ComparableDetails } from '../history/comparable-details.tsx';
import { Notice } from './notice.tsx';

export interface DetailsLoaderProps {
  load(): Promise<Inspection>;
  copyText(text: string): Promise<void>;
  now(): number;
}

/**
 * Reads the whole inspection only when the details are asked for, and loads the view (with the
 * report formats, and the diff against a dropped file) in its own chunk meanwhile: neither is part
 * of the popup's first load.
 */
export function DetailsLoader({ load, copyText, now }: DetailsLoaderProps) {
  const [state, setState] = useState<{
    inspection?: Inspection;
    View?: typeof ComparableDetails;
    error?: string;
  }>({});
  useEffect(() => {
    Promise.all([load(), import('../history/lazy.ts')]).then(
      ([inspection, module]) => setState({ inspection, View: module.ComparableDetails }),
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
  return <View inspection={inspection} label="this tab's capture" copyText={copyText} now={now} />;
}
