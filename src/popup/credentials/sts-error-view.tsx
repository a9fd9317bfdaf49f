import type { StsError } from '../../core/credentials.ts';

export interface StsErrorViewProps {
  error: StsError;
  /** Offered when AWS's answer says a shorter DurationSeconds would work. */
  onRetry?(durationSeconds: number): void;
  testId?: string;
}

/** AWS's error code and message as sent, what it means, and what to do about it. */
export function StsErrorView({ error, onRetry, testId = 'sts-error' }: StsErrorViewProps) {
  const retry = error.retryDurationSeconds;
  return (
    <div class="sts-error" role="alert" data-testid={testId} data-code={error.code}>
      <div>
        <code data-testid="sts-error-code">{error.code}</code>{' '}
        <span data-testid="sts-error-message">{error.message}</span>
      </div>
      <p data-testid="sts-error-meaning">
        <strong>Meaning:</strong> {error.meaning}
      </p>
      <p data-testid="sts-error-action">
        <strong>What to do:</strong> {error.action}
      </p>
      {retry !== undefined && onRetry && (
        <button type="button" data-testid="retry-duration" onClick={() => onRetry(retry)}>
          Retry with {retry} s
        </button>
      )}
    </div>
  );
}
