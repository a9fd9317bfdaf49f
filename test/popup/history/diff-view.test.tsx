import { describe, expect, it } from 'vitest';
import { diffInspections, inspect } from '../../../src/core/index.ts';
import { DiffView } from '../../../src/popup/history/diff-view.tsx';
import { buildSamlResponse, providerArn, roleArn } from '../../support/saml-fixture.ts';
import { elements, expand, flatten } from '../expand.ts';

const NOW = new Date('2030-01-01T00:01:00Z');
const ADMIN: [string, string] = [roleArn('111111111111', 'Admin'), providerArn('111111111111')];
const READ: [string, string] = [roleArn('111111111111', 'Read'), providerArn('111111111111')];
const DEPLOY: [string, string] = [roleArn('222222222222', 'Deploy'), providerArn('222222222222')];

const base = {
  issueInstant: '2030-01-01T00:00:00Z',
  notBefore: '2029-12-31T23:59:00Z',
  notOnOrAfter: '2030-01-01T00:05:00Z',
};
const inspected = (options: Parameters<typeof buildSamlResponse>[0]) =>
  inspect(buildSamlResponse({ ...base, ...options }), { now: NOW });

function view(before: ReturnType<typeof inspected>, after: ReturnType<typeof inspected>) {
  const node = DiffView({ before: 'A', after: 'B', diff: diffInspections(before, after) });
  return { text: expand(node).text, all: flatten(elements(node)) };
}

describe('diff view', () => {
  it('says the two mean the same when only IDs and instants differ', () => {
    const { text, all } = view(
      inspected({ roles: [ADMIN], responseId: '_x1', assertionId: '_y1' }),
      inspected({ roles: [ADMIN], responseId: '_x2', assertionId: '_y2' }),
    );
    expect(text).toContain('Same meaning');
    expect(all.some((e) => e.props['data-testid'] === 'diff-roles')).toBe(false);
  });

  it('lists roles added and removed under their account, each read out as added or removed', () => {
    const { all } = view(
      inspected({ roles: [ADMIN, READ] }),
      inspected({ roles: [ADMIN, DEPLOY] }),
    );
    const roles = all.filter((e) => e.props['data-testid'] === 'diff-role');
    expect(roles.map((e) => [e.props['data-change'], e.props['data-role-arn']])).toEqual([
      ['added', DEPLOY[0]],
      ['removed', READ[0]],
    ]);
    expect(roles.map((e) => e.spoken)).toEqual([
      'added: Deploy (provider MyIdP)',
      'removed: Read (provider MyIdP)',
    ]);
    const accounts = all.filter((e) => e.tag === 'h3').map((e) => e.spoken);
    expect(accounts).toEqual(['Account 222222222222', 'Account 111111111111']);
  });

  it('shows a changed attribute value, session facts before and after, and findings that came and went', () => {
    const { text, all } = view(
      inspected({ roles: [ADMIN], sessionDuration: '3600', sessionName: 'alice' }),
      inspected({ roles: [ADMIN], sessionDuration: '99', sessionName: 'alice', audience: null }),
    );
    expect(text).toContain('changed: "3600" → "99"');
    const facts = all.find((e) => e.props['data-testid'] === 'diff-facts')!;
    expect(facts.spoken).toContain('Session duration');
    expect(facts.spoken).toContain('Audience');
    expect(facts.spoken).toContain('(none)');
    const findings = all.filter((e) => e.tag === 'li' && e.props['data-code']);
    expect(findings.map((e) => e.props['data-change'])).toContain('added');
    expect(findings.map((e) => e.props['data-code'])).toContain('audience-missing');
  });

  it('shows control and bidi characters from an assertion as visible escapes', () => {
    const { text } = view(
      inspected({ roles: [ADMIN], sessionName: 'alice' }),
      inspected({ roles: [ADMIN], sessionName: 'ali\u202ece' }),
    );
    expect(text).toContain('ali\\u202ece');
    expect(text).not.toContain('\u202e');
  });
});
