import { describe, expect, it } from 'vitest';
import {
  diffInspections,
  inspect,
  isSameMeaning,
  toTextDiff,
  type Inspection,
} from '../../../src/core/inspect.ts';
import {
  buildSamlResponse,
  manyRoles,
  providerArn,
  roleArn,
  toBase64,
  type FixtureOptions,
} from '../../support/saml-fixture.ts';

const NOW = new Date('2026-01-01T00:30:00Z');
const ADMIN: [string, string] = [roleArn('111111111111', 'Admin'), providerArn('111111111111')];
const READ: [string, string] = [roleArn('222222222222', 'team/Read'), providerArn('222222222222')];

function inspected(options: FixtureOptions = {}, now = NOW): Inspection {
  return inspect(toBase64(buildSamlResponse({ roles: [ADMIN, READ], ...options })), { now });
}

describe('diffInspections', () => {
  it('finds nothing between two sign-ins that differ only in IDs, instants and signature values', () => {
    const first = inspected();
    const second = inspected(
      {
        responseId: '_other-response',
        assertionId: '_other-assertion',
        issueInstant: '2026-03-05T10:00:00Z',
        notBefore: '2026-03-05T10:00:00Z',
        notOnOrAfter: '2026-03-05T11:00:00Z',
      },
      // Later, so the second is "not yet valid" against the first's clock: a clock finding.
      new Date('2026-01-01T00:30:00Z'),
    );
    expect(second.findings.some((f) => f.code === 'assertion-not-yet-valid')).toBe(true);
    const diff = diffInspections(first, second);
    expect(diff).toEqual({
      roles: { added: [], removed: [] },
      attributes: [],
      facts: [],
      findings: { added: [], removed: [] },
    });
    expect(isSameMeaning(diff)).toBe(true);
    expect(toTextDiff(diff)).toMatch(/^Same meaning/);
  });

  it('ignores the order of role pairs and of ARNs within a value', () => {
    const diff = diffInspections(
      inspected(),
      inspected({ roles: [READ, ADMIN], providerFirst: true }),
    );
    expect(isSameMeaning(diff)).toBe(true);
  });

  it('reports roles added and removed, each with its account', () => {
    const ops: [string, string] = [roleArn('111111111111', 'Ops'), providerArn('111111111111')];
    const diff = diffInspections(inspected(), inspected({ roles: [ADMIN, ops] }));
    expect(diff.roles.added.map((r) => [r.accountId, r.roleArn])).toEqual([
      ['111111111111', ops[0]],
    ]);
    expect(diff.roles.removed.map((r) => [r.accountId, r.roleArn])).toEqual([
      ['222222222222', READ[0]],
    ]);
    const text = toTextDiff(diff);
    expect(text).toContain('Roles: 1 added, 1 removed');
    expect(text).toMatch(/ {2}111111111111\n {4}\+ Ops {2}\(provider MyIdP\)/);
    expect(text).toMatch(/ {2}222222222222\n {4}- team\/Read/);
  });

  it('a role whose provider changed is one removed and one added pair', () => {
    const moved: [string, string] = [ADMIN[0], providerArn('111111111111', 'NewIdP')];
    const diff = diffInspections(inspected(), inspected({ roles: [moved, READ] }));
    expect(diff.roles.added.map((r) => r.providerArn)).toEqual([moved[1]]);
    expect(diff.roles.removed.map((r) => r.providerArn)).toEqual([ADMIN[1]]);
  });

  it('reports each attribute value added and removed, Role left to the role diff', () => {
    const diff = diffInspections(
      inspected({
        sessionDuration: '3600',
        extraAttributes: [{ name: 'groups', values: ['dev', 'ops', 'ops'] }],
      }),
      inspected({
        sessionDuration: '7200',
        extraAttributes: [
          { name: 'groups', values: ['ops', 'qa'] },
          { name: 'email', values: ['a@example.com'] },
        ],
      }),
    );
    expect(diff.attributes).toEqual([
      {
        name: 'https://aws.amazon.com/SAML/Attributes/SessionDuration',
        added: ['7200'],
        removed: ['3600'],
      },
      { name: 'groups', added: ['qa'], removed: ['dev', 'ops'] },
      { name: 'email', added: ['a@example.com'], removed: [] },
    ]);
    expect(diff.facts).toEqual([{ field: 'Session duration', before: '3600', after: '7200' }]);
  });

  it('compares the validity window by its length, not its instants', () => {
    const diff = diffInspections(inspected(), inspected({ notOnOrAfter: '2026-01-01T00:05:00Z' }));
    expect(diff.facts).toEqual([
      { field: 'Validity window', before: '+3600 s', after: '+300 s' },
      { field: 'NotOnOrAfter from IssueInstant', before: '+3600 s', after: '+300 s' },
      { field: 'Subject NotOnOrAfter from IssueInstant', before: '+3600 s', after: '+300 s' },
    ]);
  });

  it('compares which element is signed, never the signature value', () => {
    const diff = diffInspections(
      inspected({ signature: 'response' }),
      inspected({ signature: 'assertion' }),
    );
    expect(diff.facts).toEqual([
      {
        field: 'Signature on Response',
        before: 'rsa-sha256, digest sha256, references its own element',
        after: null,
      },
      {
        field: 'Signature on Assertion',
        before: null,
        after: 'rsa-sha256, digest sha256, references its own element',
      },
    ]);
    // Unsigned: signature-missing appears as a new finding.
    const unsigned = diffInspections(inspected(), inspected({ signature: 'none' }));
    expect(unsigned.findings.added.map((f) => f.code)).toContain('signature-missing');
    expect(unsigned.findings.removed).toEqual([]);
  });

  it('reports session facts: issuer, NameID, session name, audience, recipient, destination', () => {
    const diff = diffInspections(
      inspected(),
      inspected({
        issuer: 'https://new-idp.example.com',
        nameId: 'bob',
        sessionName: 'bob@example.com',
        audience: 'https://signin.aws.amazon.com/saml',
        recipient: 'https://signin.aws.amazon.com/saml?x',
        destination: null,
      }),
    );
    expect(diff.facts.map((f) => f.field)).toEqual([
      'Issuer',
      'NameID',
      'Session name',
      'Audience',
      'Recipient',
      'Destination',
    ]);
    expect(diff.facts.find((f) => f.field === 'Destination')).toEqual({
      field: 'Destination',
      before: 'https://signin.aws.amazon.com/saml',
      after: null,
    });
  });

  it('keeps hostile values on one line in the text form', () => {
    const diff = diffInspections(
      inspected(),
      inspected({
        extraAttributes: [{ name: 'x\n\u009b31m', values: ['a\r\nRoles: fake', '\u202e'] }],
      }),
    );
    const text = toTextDiff(diff);
    expect(text).not.toContain('\u009b');
    expect(text).not.toContain('\u202e');
    expect(text).not.toMatch(/^Roles: fake/m);
    expect(text).toContain('"a\\r\\nRoles: fake"');
  });

  it('is linear: 1,000 roles and 10,000 values on each side (near the input limit) diff in well under a second', () => {
    const roles = manyRoles(1_000);
    const values = Array.from({ length: 10_000 }, (_, i) => `v${i}`);
    const before = inspected({ roles, extraAttributes: [{ name: 'many', values }] });
    const after = inspected({
      roles: roles.slice(1),
      extraAttributes: [{ name: 'many', values: values.slice(0, -1) }],
    });
    const started = performance.now();
    const diff = diffInspections(before, after);
    expect(performance.now() - started).toBeLessThan(500);
    expect(diff.roles.removed).toHaveLength(1);
    expect(diff.attributes).toEqual([{ name: 'many', added: [], removed: ['v9999'] }]);
  });
});
