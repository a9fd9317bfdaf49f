import { useState } from 'preact/hooks';
import { diffInspections, type Inspection } from '../../core/inspect.ts';
import { DetailsView } from '../components/details-view.tsx';
import { DiffView } from './diff-view.tsx';
import { type FileLike, inspectFile } from './model/read-file.ts';

export interface ComparableDetailsProps {
  inspection: Inspection;
  /** What this capture is called in a diff, e.g. "alice at 14:03:12". */
  label: string;
  copyText(text: string): Promise<void>;
  now(): number;
}

/**
 * The details view, onto which a file holding a SAMLResponse can be dropped (or chosen: keyboard
 * users cannot drop) to see what changed from this capture to it. The file stays in memory.
 */
export function ComparableDetails({ inspection, label, copyText, now }: ComparableDetailsProps) {
  const [state, setState] = useState<{
    compared?: { name: string; inspection: Inspection };
    error?: string;
    reading?: boolean;
  }>({});
  const [dragging, setDragging] = useState(false);
  const compare = (file: FileLike | undefined): void => {
    if (!file) return;
    setState({ reading: true });
    inspectFile(file, new Date(now())).then(
      (read) =>
        setState(
          read.ok
            ? { compared: { name: file.name, inspection: read.inspection } }
            : { error: read.error },
        ),
      (error: unknown) => setState({ error: `${file.name}: ${String(error)}` }),
    );
  };
  if (state.compared)
    return (
      <div class="details" data-testid="file-diff">
        <button type="button" class="link" data-testid="diff-back" onClick={() => setState({})}>
          Back to the details
        </button>
        <DiffView
          before={label}
          after={state.compared.name}
          diff={diffInspections(inspection, state.compared.inspection)}
        />
      </div>
    );
  return (
    <div
      class={dragging ? 'drop-zone dragging' : 'drop-zone'}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        compare(e.dataTransfer?.files[0]);
      }}
    >
      <div class="compare-file">
        <label>
          Compare with a file (or drop one here):{' '}
          <input
            type="file"
            data-testid="compare-file"
            onChange={(e) => compare(e.currentTarget.files?.[0])}
          />
        </label>
        <span role="status">{state.reading ? 'Reading the file…' : ''}</span>
        {state.error && (
          <p class="field-error" role="alert" data-testid="compare-file-error">
            {state.error}
          </p>
        )}
      </div>
      <DetailsView inspection={inspection} copyText={copyText} />
    </div>
  );
}
