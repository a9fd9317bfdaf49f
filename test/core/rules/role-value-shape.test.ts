import { describe, expect, it } from 'vitest';
import { roleValueShape } from '../../../src/core/rules/role-value-shape.ts';
import {
  PROVIDER_ARN,
  ROLE_ARN,
  SECOND_ROLE_ARN,
  check,
  identityCenterContext,
  withRoleValues,
} from './fixtures.ts';

const run = (...values: string[]) => roleValueShape.check(withRoleValues(...values));

describe('role-value-shape', () => {
  it('passes role,provider and provider,role', () => {
    expect(check(roleValueShape)).toEqual([]);
    expect(run(`${PROVIDER_ARN},${ROLE_ARN}`, ` ${ROLE_ARN} , ${PROVIDER_ARN} `)).toEqual([]);
  });

  it('reports an extra comma, naming the value and its index', () => {
    const results = run(`${ROLE_ARN},${PROVIDER_ARN}`, `${ROLE_ARN},,${PROVIDER_ARN}`);
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain(`Role value 2 of 2 ("${ROLE_ARN},,${PROVIDER_ARN}")`);
    expect(results[0]!.message).toContain('3 comma-separated parts, 1 of them empty');
  });

  it('reports a trailing comma after a lone ARN, and a leading one', () => {
    expect(run(`${ROLE_ARN},`)[0]!.message).toContain('1 of them empty');
    expect(run(`,${ROLE_ARN},${PROVIDER_ARN}`)[0]!.message).toContain('1 of them empty');
  });

  it('leaves role,provider, to role-value-trailing-comma: AWS signs in with it', () => {
    expect(run(`${ROLE_ARN},${PROVIDER_ARN},`, `${PROVIDER_ARN},${ROLE_ARN},,`)).toEqual([]);
    // The shape is right even when an ARN is not: that is another rule's finding.
    expect(run(`arn:aws:iam::12345678901:role/Dev,${PROVIDER_ARN},`)).toEqual([]);
  });

  it('reports a value with only a role ARN', () => {
    expect(run(ROLE_ARN)[0]!.message).toContain('has only a role ARN');
  });

  it('reports three ARNs', () => {
    const results = run(`${ROLE_ARN},${PROVIDER_ARN},${SECOND_ROLE_ARN}`);
    expect(results[0]!.message).toContain('has 3 comma-separated parts');
  });

  it('reports two role ARNs', () => {
    expect(run(`${ROLE_ARN},${SECOND_ROLE_ARN}`)[0]!.message).toContain('has two role ARNs');
  });

  it('reports an empty value among good ones, but not when every value is empty', () => {
    expect(run(`${ROLE_ARN},${PROVIDER_ARN}`, ' ')[0]!.message).toContain(
      'Role value 2 of 2 (" ") is empty',
    );
    expect(run('', ' ')).toEqual([]);
  });

  it('stays quiet for an IAM Identity Center response', () => {
    expect(roleValueShape.check(identityCenterContext())).toEqual([]);
  });
});
