import type { HistoryEntry } from '../../shared/history.ts';
import { entryLabel } from './model/entry-label.ts';

export interface HistoryListProps {
  /** Oldest first, as stored; listed newest first. */
  entries: readonly HistoryEntry[];
  now: number;
  currentTabId?: number | undefined;
  /** Ids ticked for comparing (at most two). */
  chosen: readonly string[];
  onOpen(id: string): void;
  onChoose(id: string, chosen: boolean): void;
  onCompare(): void;
}

/** Every capture of the browser session, newest first: open one, or tick two and compare them. */
export function HistoryList(props: HistoryListProps) {
  const { entries, now, currentTabId, chosen, onOpen, onChoose, onCompare } = props;
  if (entries.length === 0)
    return (
      <p class="empty" data-testid="history-empty">
        No captures yet in this browser session: sign in to AWS through your identity provider.
      </p>
    );
  return (
    <>
      <p class="history-hint muted" id="history-hint">
        Open a capture for its details, or tick two and compare them.
      </p>
      <ul class="history-list" data-testid="history-list" aria-describedby="history-hint">
        {[...entries].reverse().map((entry) => {
          const label = entryLabel(entry, now, currentTabId);
          const ticked = chosen.includes(entry.id);
          return (
            <li
              key={entry.id}
              class="history-entry"
              data-testid="history-entry"
              data-id={entry.id}
              data-kind={entry.kind}
            >
              <button
                type="button"
                class="history-open"
                data-testid="history-open"
                onClick={() => onOpen(entry.id)}
              >
                <span class="history-line">
                  <span data-testid="history-who">{label.who}</span>{' '}
                  <span class="muted">{label.roles}</span>
                </span>{' '}
                <span class="history-line muted">
                  {label.time} · {label.tab} ·{' '}
                  <span data-testid="history-issuer">{label.issuer}</span>
                </span>{' '}
                {label.status && (
                  <span class="history-line history-status" data-testid="history-status">
                    {label.status}
                  </span>
                )}
              </button>
              <label class="history-choose">
                <input
                  type="checkbox"
                  data-testid="history-choose"
                  checked={ticked}
                  disabled={!label.openable || (!ticked && chosen.length >= 2)}
                  onChange={(e) => onChoose(entry.id, e.currentTarget.checked)}
                />{' '}
                compare<span class="sr-only"> {`${label.who} at ${label.time}`}</span>
              </label>
            </li>
          );
        })}
      </ul>
      <div class="history-actions">
        <button
          type="button"
          class="primary"
          data-testid="history-compare"
          disabled={chosen.length !== 2}
          onClick={onCompare}
        >
          Compare the two ticked
        </button>
        <span class="muted" role="status">
          {chosen.length}/2 ticked
        </span>
      </div>
    </>
  );
}
