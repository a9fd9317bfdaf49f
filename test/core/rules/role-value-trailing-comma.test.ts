import { describe, expect, it } from 'vitest';
import { roleValueTrailingComma } from '../../../src/core/rules/role-value-trailing-comma.ts';
import {
  PROVIDER_ARN,
  ROLE_ARN,
  check,
  identityCenterContext,
  rolePair,
  withRoleValues,
} from './fixtures.ts';

const run = (...values: string[]) => roleValueTrailingComma.check(withRoleValues(...values));

describe('role-value-trailing-comma', () => {
  it('passes values without a trailing comma', () => {
    expect(check(roleValueTrailingComma)).toEqual([]);
    expect(run(`${ROLE_ARN},${PROVIDER_ARN}`, `${PROVIDER_ARN} , ${ROLE_ARN} `)).toEqual([]);
  });

  it('warns about role,provider, (as Google Workspace sends it), naming the value', () => {
    const value = `${ROLE_ARN},${PROVIDER_ARN},`;
    const results = run(`${ROLE_ARN},${PROVIDER_ARN}`, value);
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain(`Role value 2 of 2 ("${value}")`);
    expect(results[0]!.message).toContain('ends with a comma');
    expect(results[0]!.message).toContain('AWS ignores');
    expect(results[0]!.fix).toContain('Remove the trailing comma');
  });

  it('warns about provider,role, and about several trailing commas, once per value', () => {
    const results = run(`${PROVIDER_ARN},${ROLE_ARN},`, `${ROLE_ARN},${PROVIDER_ARN}, ,`);
    expect(results).toHaveLength(2);
    expect(results[1]!.message).toContain('ends with 2 commas');
  });

  it('warns about the comma of a value whose ARNs have another problem too', () => {
    expect(run(`arn:aws:iam::12345678901:role/Dev,${PROVIDER_ARN},`)).toHaveLength(1);
  });

  it('leaves a value that is not a pair without the comma to role-value-shape', () => {
    expect(
      run(`${ROLE_ARN},`, `,${ROLE_ARN},${PROVIDER_ARN}`, `${ROLE_ARN},,${PROVIDER_ARN}`),
    ).toEqual([]);
  });

  it('lists the pair of a value with a trailing comma', () => {
    const context = withRoleValues(`${ROLE_ARN},${PROVIDER_ARN},`);
    expect(context.aws.roles).toEqual([rolePair(ROLE_ARN, PROVIDER_ARN)]);
    expect(context.aws.roleProblems).toEqual([]);
  });

  it('stays quiet for an IAM Identity Center response', () => {
    expect(roleValueTrailingComma.check(identityCenterContext())).toEqual([]);
  });
});
