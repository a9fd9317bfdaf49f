import type { Badge } from '../platform/types.ts';
import type { Capture, PopupCapture } from '../shared/capture.ts';

export const BADGE_COLORS = { ok: '#1d4ed8', lintErrors: '#b91c1c' } as const;

/** The toolbar badge for a tab: its role count, red when the core's lint reports errors. */
export function badgeFor(capture: Capture | PopupCapture | undefined): Badge | undefined {
  if (!capture || capture.kind === 'expired') return undefined;
  if (capture.kind === 'failed') return { text: '!', color: BADGE_COLORS.lintErrors };
  const count =
    capture.kind === 'summary' ? capture.roleArns.length : capture.inspection.aws.roles.length;
  const hasErrors =
    capture.kind === 'summary'
      ? capture.errors.length > 0
      : capture.inspection.findings.some((finding) => finding.severity === 'error');
  return {
    text: count > 999 ? '999+' : String(count),
    color: hasErrors ? BADGE_COLORS.lintErrors : BADGE_COLORS.ok,
  };
}
