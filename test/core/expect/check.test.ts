import { describe, expect, it } from 'vitest';
import {
  checkExpectations,
  expectationFindings,
  inspect,
  type Expectation,
  type Inspection,
} from '../../../src/core/inspect.ts';
import {
  buildSamlResponse,
  providerArn,
  roleArn,
  toBase64,
  type FixtureOptions,
} from '../../support/saml-fixture.ts';

const ADMIN = roleArn('111111111111', 'Admin');
const TEAM = roleArn('222233334444', 'team/dev/Read');
const inspected = (options: FixtureOptions = {}): Inspection =>
  inspect(
    toBase64(
      buildSamlResponse({
        roles: [
          [ADMIN, providerArn('111111111111')],
          [TEAM, providerArn('222233334444')],
        ],
        sessionDuration: '3600',
        ...options,
      }),
    ),
    { now: new Date('2026-01-01T00:30:00Z') },
  );

function failures(expectation: Expectation, options: FixtureOptions = {}): string[] {
  return expectationFindings(checkExpectations(inspected(options), expectation)).map(
    (finding) => finding.message,
  );
}

describe('checkExpectations', () => {
  it('passes the example from the issue, one check per expectation', () => {
    const checks = checkExpectations(inspected(), {
      roles: { exactly: [ADMIN, 'arn:aws:iam::2222*:role/team/*'] },
      sessionName: '*@example.com',
      attributes: [
        { name: 'https://aws.amazon.com/SAML/Attributes/SessionDuration', values: ['3600'] },
      ],
      findings: { errors: 0 },
    });
    expect(checks.map((check) => [check.name, check.passed])).toEqual([
      ['roles.exactly', true],
      ['sessionName', true],
      ['attributes["https://aws.amazon.com/SAML/Attributes/SessionDuration"]', true],
      ['findings.errors', true],
    ]);
  });

  it('roles.exactly fails on a role too many and on a pattern no role matched, naming both', () => {
    const [message] = failures({ roles: { exactly: [ADMIN, 'arn:aws:iam::9999*:role/*'] } });
    expect(message).toContain('roles.exactly: expected exactly');
    expect(message).toContain(`not expected: ["${TEAM}"]`);
    expect(message).toContain('matched by no role: ["arn:aws:iam::9999*:role/*"]');
  });

  it('atLeast and atMost each check one direction', () => {
    expect(failures({ roles: { atLeast: [ADMIN] } })).toEqual([]);
    expect(failures({ roles: { atMost: [ADMIN] } })).toEqual([
      expect.stringContaining(`roles.atMost: expected at most ["${ADMIN}"]`),
    ]);
    expect(failures({ roles: { atLeast: [ADMIN, roleArn('111111111111', 'Ops')] } })).toEqual([
      expect.stringContaining('roles.atLeast'),
    ]);
    expect(failures({ roles: { atMost: ['arn:aws:iam::*'] } })).toEqual([]);
  });

  it('sessionName says what came, or that none came', () => {
    expect(failures({ sessionName: '*@example.com' }, { sessionName: 'bob@evil.com' })).toEqual([
      'sessionName: expected a session name matching "*@example.com"; came "bob@evil.com".',
    ]);
    expect(failures({ sessionName: '*', findings: {} }, { sessionName: null })).toEqual([
      expect.stringMatching(/came none\.$/),
    ]);
  });

  it('attribute values compare in any order, each as often; an empty list means not sent', () => {
    const groups = { name: 'groups', values: ['b', 'a'] };
    const options = { extraAttributes: [{ name: 'groups', values: ['a', 'b'] }] };
    expect(failures({ attributes: [groups] }, options)).toEqual([]);
    expect(failures({ attributes: [{ name: 'groups', values: ['a'] }] }, options)).toEqual([
      'attributes["groups"]: expected ["a"]; came ["a", "b"].',
    ]);
    expect(failures({ attributes: [{ name: 'groups', values: [] }] }, options)).toEqual([
      'attributes["groups"]: expected the attribute not to be sent; came ["a", "b"].',
    ]);
    expect(failures({ attributes: [{ name: 'email', values: ['x'] }] })).toEqual([
      'attributes["email"]: expected ["x"]; came none.',
    ]);
  });

  it('findings: no errors by default, limits per severity and per code', () => {
    const unsigned = { signature: 'none' } as const;
    expect(failures({}, unsigned)).toEqual([
      expect.stringMatching(/^findings\.errors: .* came 1 \(signature-missing: /),
    ]);
    expect(failures({ findings: {} }, unsigned)).toEqual([]);
    const broken = { sessionName: null };
    expect(failures({}, broken)).toEqual([
      expect.stringMatching(
        /^findings\.errors: expected at most 0 error findings; came 1 \(role-session-name-missing: /,
      ),
    ]);
    expect(failures({ findings: { errors: 1 } }, broken)).toEqual([]);
    expect(
      failures(
        { findings: { errors: 5, codes: [{ code: 'signature-missing', atMost: 0 }] } },
        unsigned,
      ),
    ).toEqual([
      expect.stringMatching(
        /^findings\["signature-missing"\]: expected at most 0 signature-missings; came 1/,
      ),
    ]);
  });

  it('each failure is an error finding coded expectation-failed', () => {
    const [finding] = expectationFindings(
      checkExpectations(inspected(), { sessionName: 'nobody' }),
    );
    expect(finding).toMatchObject({ code: 'expectation-failed', severity: 'error' });
  });
});
