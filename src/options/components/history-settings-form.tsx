import { useState } from 'preact/hooks';
import { HISTORY_SIZE, type HistorySettings } from '../../shared/history-settings.ts';
import { historySizeProblem } from '../history-size.ts';

export interface HistorySettingsFormProps {
  initial: HistorySettings;
  save(settings: HistorySettings): Promise<void>;
}

/** How many captures the popup's history keeps (storage.session, this browser session only). */
export function HistorySettingsForm({ initial, save }: HistorySettingsFormProps) {
  const [text, setText] = useState(String(initial.size));
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const submit = (): void => {
    const problem = historySizeProblem(text);
    if (problem) return setMessage({ text: problem, error: true });
    save({ size: Number(text.trim()) }).then(
      () => setMessage({ text: 'Saved: older captures go as new ones come.', error: false }),
      (error: unknown) => setMessage({ text: `Could not save: ${String(error)}`, error: true }),
    );
  };
  return (
    <div class="history-settings" data-testid="history-settings">
      <label class="field">
        <span>Captures to keep</span>
        <input
          type="number"
          min={HISTORY_SIZE.min}
          max={HISTORY_SIZE.max}
          data-testid="history-size"
          value={text}
          aria-describedby="history-size-help"
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <p class="muted" id="history-size-help">
        {HISTORY_SIZE.min} to {HISTORY_SIZE.max} (default {HISTORY_SIZE.default}). Kept in memory
        for this browser session only, without the SAMLResponse; past 4 MB the oldest keep only
        their line in the list.
      </p>
      <button type="button" data-testid="save-history-size" onClick={submit}>
        Save
      </button>
      {message && (
        <p
          class={message.error ? 'message error' : 'message'}
          role={message.error ? 'alert' : 'status'}
          data-testid="history-size-message"
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
