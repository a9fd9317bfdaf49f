import type { CaptureSummary } from '../../shared/capture.ts';

export interface LintBannerProps {
  errors: CaptureSummary['errors'];
  onDetails(): void;
}

/** Warns before signing in when the lint found errors AWS would refuse the assertion for. */
export function LintBanner({ errors, onDetails }: LintBannerProps) {
  const first = errors[0];
  if (!first) return null;
  return (
    <div
      class="lint-banner"
      role="alert"
      data-testid="lint-errors"
      data-codes={errors.map((e) => e.code).join(' ')}
    >
      <span>
        AWS may refuse this assertion: {first.message}
        {errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}
      </span>{' '}
      <button type="button" class="link" onClick={onDetails}>
        Details
      </button>
    </div>
  );
}
