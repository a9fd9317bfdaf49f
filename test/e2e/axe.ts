// axe-core, the accessibility engine of the browsers' own devtools, run on a page by the test
// driver. Injected with an evaluation (not a <script> tag): the extension's and the IdP's CSPs
// forbid inline scripts, and the driver's evaluation is not subject to them. Nothing of it ships.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** WCAG 2.0, 2.1 and 2.2 A and AA, plus axe's best practices (headings, landmarks). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface Violation {
  rule: string;
  impact: Impact;
  help: string;
  /** One line per element: its selector and what is wrong with it. */
  nodes: string[];
}

export interface AuditScope {
  /** Selectors of markup that is not the project's (e.g. AWS's own, copied on purpose). */
  exclude?: string[];
}

/** Every axe violation on the page as it is now. */
export async function audit(page: Page, scope: AuditScope = {}): Promise<Violation[]> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const context = { include: [['html']], exclude: (scope.exclude ?? []).map((s) => [s]) };
  const violations = (await page.evaluate(
    `axe.run(${JSON.stringify(context)}, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) })))`,
  )) as Violation[];
  return violations;
}

/** A moderate or minor finding kept on purpose, with the reason. */
export interface Allowed {
  rule: string;
  reason: string;
}

/**
 * What a page must not have: any serious or critical violation, or a moderate or minor one that
 * is not allowed for this page. Returned as text so a failing test says which rule and element.
 */
export function unexpected(violations: Violation[], allowed: readonly Allowed[] = []): string[] {
  return violations
    .filter(
      (v) =>
        v.impact === 'serious' ||
        v.impact === 'critical' ||
        !allowed.some((a) => a.rule === v.rule),
    )
    .map((v) => `${v.impact} ${v.rule} (${v.help}):\n    ${v.nodes.join('\n    ')}`);
}
