import { RULES } from './registry.ts';
import type { Finding, LintContext, Rule, Severity } from './types.ts';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Runs every rule; findings come errors first, then warnings, then info, otherwise in rule order. */
export function lint(context: LintContext, rules: readonly Rule[] = RULES): Finding[] {
  const findings = rules.flatMap((rule) =>
    rule.check(context).map((result): Finding => ({
      code: rule.code,
      severity: result.severity ?? rule.severity,
      message: result.message,
      fix: result.fix,
    })),
  );
  // Array.prototype.sort is stable, so rule order survives within a severity.
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
