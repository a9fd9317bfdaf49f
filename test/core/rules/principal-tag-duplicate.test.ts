import { describe, expect, it } from 'vitest';
import { AWS_ATTRIBUTES } from '../../../src/core/aws/attributes.ts';
import { principalTagDuplicate } from '../../../src/core/rules/principal-tag-duplicate.ts';
import { attribute, check, validSaml } from './fixtures.ts';

const tag = (key: string) => attribute(`${AWS_ATTRIBUTES.principalTagPrefix}${key}`, 'x');
const run = (...keys: string[]) =>
  check(principalTagDuplicate, {
    saml: { attributes: [...validSaml().attributes, ...keys.map(tag)] },
  });

describe('principal-tag-duplicate', () => {
  it('passes distinct keys', () => {
    expect(check(principalTagDuplicate)).toEqual([]);
    expect(run('project')).toEqual([]);
  });

  it('reports the same key twice', () => {
    expect(run('team')[0]!.message).toContain('Session tag key "team" is sent twice');
  });

  it('reports keys that differ only in case', () => {
    expect(run('Team')[0]!.message).toContain('"Team" repeats "team"');
  });
});
