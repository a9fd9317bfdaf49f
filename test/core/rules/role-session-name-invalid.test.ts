import { describe, expect, it } from 'vitest';
import { roleSessionNameInvalid } from '../../../src/core/rules/role-session-name-invalid.ts';
import { check, identityCenterContext } from './fixtures.ts';

const run = (sessionName: string) => check(roleSessionNameInvalid, { aws: { sessionName } });

describe('role-session-name-invalid', () => {
  it('passes names of allowed characters, 2 to 64 long', () => {
    expect(check(roleSessionNameInvalid)).toEqual([]);
    expect(run('ab')).toEqual([]);
    expect(run('a'.repeat(64))).toEqual([]);
    expect(run('first.last+ops=1,x@example-corp_')).toEqual([]);
  });

  it('reports a space, quoting the name', () => {
    const results = run('Jane Doe');
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain('RoleSessionName "Jane Doe"');
  });

  it('reports a name that is too short or too long, with its length', () => {
    expect(run('a')[0]!.message).toContain('(1 characters)');
    expect(run('a'.repeat(65))[0]!.message).toContain('(65 characters)');
  });

  it('leaves an empty name to role-session-name-missing, and Identity Center alone', () => {
    expect(run('')).toEqual([]);
    expect(
      roleSessionNameInvalid.check(identityCenterContext({ aws: { sessionName: 'a b' } })),
    ).toEqual([]);
  });
});
