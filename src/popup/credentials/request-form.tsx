import { useLayoutEffect, useRef } from 'preact/hooks';
import type { RegionChoice } from './model/request.ts';
import { readDuration } from './model/request.ts';

export interface RequestFormProps {
  regions: RegionChoice[];
  region: string;
  onRegion(region: string): void;
  durationText: string;
  onDuration(text: string): void;
  busy: boolean;
  label: string;
  onSubmit(): void;
}

/** STS region and DurationSeconds, checked as typed, and the button that calls STS. */
export function RequestForm(props: RequestFormProps) {
  const duration = readDuration(props.durationText);
  // The panel replaces the view that had the focus: the browser honours autofocus only while
  // nothing has been focused yet, so the panel's main button takes the focus itself, in the same
  // commit that shows it (a layout effect: a passive one left the focus on the body for a frame).
  const submit = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => submit.current?.focus(), []);
  return (
    <form
      class="sts-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (duration.ok && !props.busy) props.onSubmit();
      }}
    >
      <label>
        STS endpoint{' '}
        <select
          data-testid="sts-region"
          value={props.region}
          onChange={(e) => props.onRegion(e.currentTarget.value)}
        >
          {props.regions.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Duration{' '}
        <input
          data-testid="sts-duration"
          inputMode="numeric"
          placeholder="3600"
          size={6}
          value={props.durationText}
          aria-invalid={!duration.ok}
          onInput={(e) => props.onDuration(e.currentTarget.value)}
        />{' '}
        s
      </label>
      <button
        type="submit"
        class="primary"
        data-testid="get-credentials"
        disabled={!duration.ok || props.busy}
        ref={submit}
      >
        {props.busy ? 'Calling STS…' : props.label}
      </button>
      {!duration.ok && (
        <p class="field-error" data-testid="duration-error">
          {duration.message}
        </p>
      )}
    </form>
  );
}
