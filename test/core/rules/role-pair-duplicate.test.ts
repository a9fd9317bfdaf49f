import { describe, expect, it } from 'vitest';
import { rolePairDuplicate } from '../../../src/core/rules/role-pair-duplicate.ts';
import { PROVIDER_ARN, ROLE_ARN, SECOND_ROLE_ARN, check, withRoleValues } from './fixtures.ts';

describe('role-pair-duplicate', () => {
  it('passes distinct pairs', () => {
    expect(check(rolePairDuplicate)).toEqual([]);
  });

  it('reports a pair sent twice, even in the other order', () => {
    const results = rolePairDuplicate.check(
      withRoleValues(
        `${ROLE_ARN},${PROVIDER_ARN}`,
        `${SECOND_ROLE_ARN},${PROVIDER_ARN}`,
        `${PROVIDER_ARN},${ROLE_ARN}`,
      ),
    );
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain('Role value 3 of 3');
    expect(results[0]!.message).toContain('repeats Role value 1');
  });
});
