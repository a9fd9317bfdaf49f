import { useEffect, useState } from 'preact/hooks';
import { diffInspections, type Inspection } from '../../core/inspect.ts';
import type { HistoryCapture, HistoryEntry, HistoryIndex } from '../../shared/history.ts';
import { Notice } from '../components/notice.tsx';
import { formatClock } from '../model/time.ts';
import { ComparableDetails } from './comparable-details.tsx';
import { DiffView } from './diff-view.tsx';
import { HistoryList } from './history-list.tsx';
import { inCaptureOrder } from './model/entry-label.ts';

/** Where the history is read from: storage.session in the popup, memory in tests. */
export interface HistoryDeps {
  index(): Promise<HistoryIndex>;
  capture(id: string): Promise<HistoryCapture | undefined>;
}

export interface HistoryPanelProps {
  deps: HistoryDeps;
  now(): number;
  currentTabId?: number | undefined;
  copyText(text: string): Promise<void>;
  onBack(): void;
}

type Mode = { kind: 'list' } | { kind: 'details'; id: string } | { kind: 'compare'; ids: string[] };

/** What a capture is called in a diff. */
const sideLabel = (entry: HistoryEntry): string =>
  `${entry.sessionName ?? '(no session name)'} at ${formatClock(entry.capturedAt)} (tab ${entry.tabId})`;

/** The history list, and from it any capture's details or the diff of two. */
export function HistoryPanel({ deps, now, currentTabId, copyText, onBack }: HistoryPanelProps) {
  const [entries, setEntries] = useState<HistoryEntry[]>();
  const [error, setError] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  useEffect(() => {
    deps.index().then(
      (index) => setEntries(index.entries),
      (e: unknown) => setError(String(e)),
    );
  }, [deps]);
  const back =
    mode.kind === 'list' ? (
      <button type="button" class="link" data-testid="history-back" onClick={onBack}>
        Back
      </button>
    ) : (
      <button
        type="button"
        class="link"
        data-testid="history-back"
        onClick={() => setMode({ kind: 'list' })}
      >
        Back to the history
      </button>
    );
  return (
    <div class="history" data-testid="history">
      <div class="history-bar">
        <h2 data-testid="history-title">
          {mode.kind === 'list'
            ? 'Captures of this browser session'
            : mode.kind === 'details'
              ? 'Capture details'
              : 'What changed'}
        </h2>
        {back}
      </div>
      {error ? (
        <Notice title="The history could not be read" tone="error" testId="history-error" level={2}>
          <p>{error}</p>
        </Notice>
      ) : !entries ? (
        <p class="empty">Reading the history…</p>
      ) : mode.kind === 'list' ? (
        <HistoryList
          entries={entries}
          now={now()}
          currentTabId={currentTabId}
          chosen={chosen}
          onOpen={(id) => setMode({ kind: 'details', id })}
          onChoose={(id, on) =>
            setChosen((ids) => (on ? [...ids, id].slice(-2) : ids.filter((x) => x !== id)))
          }
          onCompare={() => setMode({ kind: 'compare', ids: chosen })}
        />
      ) : (
        <Captures
          key={mode.kind === 'details' ? mode.id : mode.ids.join()}
          deps={deps}
          entries={inCaptureOrder(entries, mode.kind === 'details' ? [mode.id] : mode.ids)}
          copyText={copyText}
          now={now}
        />
      )}
    </div>
  );
}

interface CapturesProps {
  deps: HistoryDeps;
  /** One: its details; two: their diff, older first. */
  entries: HistoryEntry[];
  copyText(text: string): Promise<void>;
  now(): number;
}

/** Reads the chosen captures, then shows one's details or the two's diff. */
function Captures({ deps, entries, copyText, now }: CapturesProps) {
  const [loaded, setLoaded] = useState<{ inspections?: Inspection[]; error?: string }>({});
  useEffect(() => {
    Promise.all(entries.map((entry) => deps.capture(entry.id))).then(
      (captures) => {
        const failed = captures.find((c) => c?.kind === 'failed');
        if (failed?.kind === 'failed') return setLoaded({ error: failed.error.message });
        if (captures.some((c) => c === undefined))
          return setLoaded({
            error:
              'This capture is no longer kept: the history dropped it to stay within its size.',
          });
        setLoaded({
          inspections: captures.map(
            (c) => (c as Extract<HistoryCapture, { kind: 'decoded' }>).inspection,
          ),
        });
      },
      (e: unknown) => setLoaded({ error: String(e) }),
    );
    // The ids, not the array: the parent builds a new array on every render.
  }, [deps, entries.map((entry) => entry.id).join()]);
  if (loaded.error)
    return (
      <Notice
        title="This capture has no details to show"
        tone="error"
        testId="history-capture-error"
        level={2}
      >
        <p>{loaded.error}</p>
      </Notice>
    );
  const { inspections } = loaded;
  if (!inspections) return <p class="empty">Reading the capture…</p>;
  const [first, second] = inspections;
  if (first && second)
    return (
      // Focusable, so a keyboard can scroll a long diff: it has no controls of its own.
      <div class="details" tabIndex={0} role="region" aria-label="What changed">
        <DiffView
          before={sideLabel(entries[0]!)}
          after={sideLabel(entries[1]!)}
          diff={diffInspections(first, second)}
        />
      </div>
    );
  return (
    <ComparableDetails
      inspection={first!}
      label={sideLabel(entries[0]!)}
      copyText={copyText}
      now={now}
    />
  );
}
