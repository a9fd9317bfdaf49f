import { describe, expect, it } from 'vitest';
import { buildAwsView } from '../../../src/core/aws/view.ts';
import { lint } from '../../../src/core/lint/lint.ts';
import type { Rule } from '../../../src/core/lint/types.ts';
import {
  applyOverrides,
  buildContext,
  identityCenterContext,
  validAws,
  validSaml,
} from '../rules/fixtures.ts';

function fixedRule(
  code: string,
  severity: Rule['severity'],
  results: ReturnType<Rule['check']>,
): Rule {
  return { code, severity, summary: code, check: () => results };
}

describe('fixtures', () => {
  it('hold the view buildAwsView reads from their messages', () => {
    expect(buildAwsView(validSaml())).toEqual({ ...validAws(), roleValues: expect.any(Array) });
    const identityCenter = identityCenterContext();
    expect(buildAwsView(identityCenter.saml)).toEqual(identityCenter.aws);
  });
});

describe('lint', () => {
  it('finds nothing wrong with the valid fixture', () => {
    expect(lint(buildContext())).toEqual([]);
  });

  it('describes an Identity Center response with one info finding and nothing else', () => {
    const findings = lint(identityCenterContext());
    expect(findings.map((finding) => [finding.code, finding.severity])).toEqual([
      ['identity-center', 'info'],
    ]);
  });

  it('reports an encrypted assertion as info only', () => {
    const context = buildContext({
      saml: { encryptedAssertion: true, attributes: [], audiences: [] },
    });
    const findings = lint({
      ...context,
      aws: applyOverrides(context.aws, { roles: [], sessionName: undefined }),
    });
    expect(findings.map((finding) => finding.code)).toEqual(['encrypted-assertion']);
  });

  it('attaches code and severity, letting a result override the severity', () => {
    const rule = fixedRule('demo', 'warning', [
      { message: 'a', fix: 'fa' },
      { message: 'b', fix: 'fb', severity: 'error' },
    ]);
    expect(lint(buildContext(), [rule])).toEqual([
      { code: 'demo', severity: 'error', message: 'b', fix: 'fb' },
      { code: 'demo', severity: 'warning', message: 'a', fix: 'fa' },
    ]);
  });

  it('sorts errors, then warnings, then info, keeping rule order within each', () => {
    const rules = [
      fixedRule('info-1', 'info', [{ message: '1', fix: '' }]),
      fixedRule('warning-1', 'warning', [{ message: '2', fix: '' }]),
      fixedRule('error-1', 'error', [{ message: '3', fix: '' }]),
      fixedRule('warning-2', 'warning', [{ message: '4', fix: '' }]),
      fixedRule('error-2', 'error', [
        { message: '5', fix: '' },
        { message: '6', fix: '' },
      ]),
    ];
    expect(lint(buildContext(), rules).map((finding) => finding.message)).toEqual([
      '3',
      '5',
      '6',
      '2',
      '4',
      '1',
    ]);
  });

  it('reports a broken response with the expected codes', () => {
    const context = buildContext({
      saml: { signatures: [], audiences: ['urn:example'], notOnOrAfter: '2025-01-15T09:00:00Z' },
      aws: { sessionName: 'Jane Doe' },
    });
    expect(lint(context).map((finding) => finding.code)).toEqual([
      'signature-missing',
      'audience-not-accepted',
      'assertion-expired',
      'role-session-name-invalid',
    ]);
  });
});
