import { describe, expect, it } from 'vitest';
import { sourceIdentityInvalid } from '../../../src/core/rules/source-identity-invalid.ts';
import { check } from './fixtures.ts';

const run = (sourceIdentity: string | undefined) =>
  check(sourceIdentityInvalid, { aws: { sourceIdentity } });

describe('source-identity-invalid', () => {
  it('passes a valid value or none', () => {
    expect(check(sourceIdentityInvalid)).toEqual([]);
    expect(run(undefined)).toEqual([]);
    expect(run('jd')).toEqual([]);
  });

  it('reports bad characters and lengths, quoting the value', () => {
    expect(run('Jane Doe')[0]!.message).toBe(
      'SourceIdentity "Jane Doe" is not 2-64 of letters, digits and +=,.@_-.',
    );
    expect(run('j')).toHaveLength(1);
    expect(run('j'.repeat(65))).toHaveLength(1);
  });

  it('reports the reserved aws: prefix in any case', () => {
    expect(run('AWS:jane')[0]!.message).toContain('reserved prefix "aws:"');
  });
});
