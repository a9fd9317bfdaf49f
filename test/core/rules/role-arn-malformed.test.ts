import { describe, expect, it } from 'vitest';
import { roleArnMalformed } from '../../../src/core/rules/role-arn-malformed.ts';
import { PROVIDER_ARN, ROLE_ARN, check, withRoleValues } from './fixtures.ts';

const run = (...values: string[]) => roleArnMalformed.check(withRoleValues(...values));

describe('role-arn-malformed', () => {
  it('passes well-formed ARNs', () => {
    expect(check(roleArnMalformed)).toEqual([]);
  });

  it('reports a wrong service, quoting the value and its index', () => {
    const bad = 'arn:aws:sts::123456789012:role/Developer';
    const results = run(`${ROLE_ARN},${PROVIDER_ARN}`, `${bad},${PROVIDER_ARN}`);
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain('Role value 2 of 2');
    expect(results[0]!.message).toContain(`service is "sts", expected "iam" in "${bad}"`);
  });

  it('reports text that is not an ARN', () => {
    const results = run(`Developer,${PROVIDER_ARN}`);
    expect(results[0]!.message).toContain('"Developer" is not an ARN');
  });

  it('reports other problems behind a bad account ID, with the original text', () => {
    const bad = 'arn:aws:iam::12345:group/Developers';
    const results = run(`${bad},${PROVIDER_ARN}`);
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain(
      `resource type "group" is neither "role" nor "saml-provider" in "${bad}"`,
    );
  });

  it('leaves an ARN whose only problem is the account ID to account-id-invalid', () => {
    expect(run(`arn:aws:iam::12345:role/Developer,${PROVIDER_ARN}`)).toEqual([]);
  });

  it('reports a value once, naming its first bad ARNs and how many more', () => {
    const results = run('a,b,c,d,e', 'a,b,c,d');
    expect(results).toHaveLength(2);
    expect(results[0]!.message).toContain('"a" is not an ARN');
    expect(results[0]!.message).toContain('"c" is not an ARN');
    expect(results[0]!.message).not.toContain('"d" is not an ARN');
    expect(results[0]!.message).toContain('and 1 more (1 further parts not read)');
    expect(results[1]!.message).toMatch(/and 1 more\.$/);
  });

  it('stays one short finding for a value of 200,000 bad parts', () => {
    const results = run(Array.from({ length: 200_000 }, () => 'x').join(','));
    expect(results).toHaveLength(1);
    expect(results[0]!.message.length).toBeLessThan(1_000);
    expect(results[0]!.message).toContain('and 1 more (199996 further parts not read)');
  });

  it('leaves empty parts to role-value-shape', () => {
    expect(run(`${ROLE_ARN},,${PROVIDER_ARN}`)).toEqual([]);
  });
});
