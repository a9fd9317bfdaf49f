import type { Inspection } from '../inspect/inspection.ts';
import { quote } from '../lint/quote.ts';
import type { Finding, Severity } from '../lint/types.ts';
import { checkRoles } from './check-roles.ts';
import { matchesGlob } from './glob.ts';
import { listed } from './listed.ts';
import { multisetChanges } from '../diff/multiset.ts';
import type { Expectation, ExpectationCheck, FindingLimits } from './types.ts';

/**
 * The code of the finding an unmet expectation becomes. Not a lint rule (nothing in the registry
 * or the rules table): it reports a user's own file, not something AWS requires.
 */
export const EXPECTATION_FAILED = 'expectation-failed';

/** Without a `findings` section, an expectation file allows no error findings. */
const DEFAULT_LIMITS: FindingLimits = { errors: 0 };

/**
 * Checks every expectation against an inspection, in the file's order: roles, sessionName,
 * attributes, findings. The findings counted are the lint's, so call this before adding
 * `expectationFindings` to them.
 */
export function checkExpectations(
  inspection: Inspection,
  expectation: Expectation,
): ExpectationCheck[] {
  const { aws, saml, findings } = inspection;
  const checks: ExpectationCheck[] = [];
  if (expectation.roles) checks.push(...checkRoles(aws.roles, expectation.roles));
  if (expectation.sessionName !== undefined) {
    const name = aws.sessionName;
    checks.push({
      name: 'sessionName',
      passed: name !== undefined && matchesGlob(expectation.sessionName, name),
      message: `expected a session name matching ${quote(expectation.sessionName)}; came ${name === undefined ? 'none' : quote(name)}`,
    });
  }
  if (expectation.attributes) {
    const sent = valuesByName(saml.attributes);
    for (const { name, values } of expectation.attributes) {
      const came = sent.get(name) ?? [];
      checks.push({
        name: `attributes[${quote(name)}]`,
        passed: sameValues(values, came),
        message: `expected ${values.length ? listed(values) : 'the attribute not to be sent'}; came ${came.length ? listed(came) : 'none'}`,
      });
    }
  }
  checks.push(...checkFindings(findings, expectation.findings ?? DEFAULT_LIMITS));
  return checks;
}

/** Each failed check as an error finding, so every output format shows it with the lint's. */
export function expectationFindings(checks: readonly ExpectationCheck[]): Finding[] {
  return checks
    .filter((check) => !check.passed)
    .map((check) => ({
      code: EXPECTATION_FAILED,
      severity: 'error',
      message: `${check.name}: ${check.message}.`,
      fix: 'Change the IdP mapping so the assertion meets the expectation, or the expectation file if the new result is what you want.',
    }));
}

const SEVERITY_KEYS: [keyof Omit<FindingLimits, 'codes'>, Severity][] = [
  ['errors', 'error'],
  ['warnings', 'warning'],
  ['infos', 'info'],
];

function checkFindings(findings: readonly Finding[], limits: FindingLimits): ExpectationCheck[] {
  const checks: ExpectationCheck[] = [];
  for (const [key, severity] of SEVERITY_KEYS) {
    const limit = limits[key];
    if (limit === undefined) continue;
    const found = findings.filter((finding) => finding.severity === severity);
    checks.push(limitCheck(`findings.${key}`, `${severity} finding`, limit, found));
  }
  if (limits.codes) {
    const byCode = new Map<string, Finding[]>();
    for (const finding of findings) {
      const list = byCode.get(finding.code);
      if (list) list.push(finding);
      else byCode.set(finding.code, [finding]);
    }
    for (const { code, atMost } of limits.codes)
      checks.push(limitCheck(`findings[${quote(code)}]`, code, atMost, byCode.get(code) ?? []));
  }
  return checks;
}

function limitCheck(
  name: string,
  what: string,
  limit: number,
  found: readonly Finding[],
): ExpectationCheck {
  const shown = found.slice(0, 10).map((finding) => `${finding.code}: ${finding.message}`);
  const more = found.length > 10 ? ` (and ${found.length - 10} more)` : '';
  return {
    name,
    passed: found.length <= limit,
    message: `expected at most ${limit} ${what}${limit === 1 ? '' : 's'}; came ${found.length}${found.length ? ` (${shown.join(' | ')}${more})` : ''}`,
  };
}

function valuesByName(attributes: Inspection['saml']['attributes']): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const attribute of attributes) {
    const values = byName.get(attribute.name);
    if (values) for (const value of attribute.values) values.push(value);
    else byName.set(attribute.name, [...attribute.values]);
  }
  return byName;
}

/** The same values in any order, each as often (a duplicate value is a difference). */
function sameValues(expected: readonly string[], came: readonly string[]): boolean {
  const { added, removed } = multisetChanges(expected, came, String);
  return added.length === 0 && removed.length === 0;
}
