import { describe, expect, it } from 'vitest';
import { AWS_ATTRIBUTES } from '../../../src/core/aws/attributes.ts';
import { principalTagInvalid } from '../../../src/core/rules/principal-tag-invalid.ts';
import { attribute, check, withAttributes } from './fixtures.ts';

const run = (key: string, ...values: string[]) =>
  check(principalTagInvalid, {
    saml: {
      attributes: withAttributes(
        attribute(`${AWS_ATTRIBUTES.principalTagPrefix}${key}`, ...values),
      ),
    },
  });

describe('principal-tag-invalid', () => {
  it('passes keys and values of AWS tag characters', () => {
    expect(check(principalTagInvalid)).toEqual([]);
    expect(run('cost-center:team/a_b', 'Ünïcode 42 @ _.:/=+-')).toEqual([]);
    expect(run('k'.repeat(128), 'v'.repeat(256))).toEqual([]);
    expect(run('empty-value', '')).toEqual([]);
  });

  it('reports a key that is too long or has bad characters', () => {
    expect(run('k'.repeat(129), 'x')[0]!.message).toContain('is 129 characters, over 128');
    expect(run('team!', 'x')[0]!.message).toContain('Session tag key "team!"');
  });

  it('reports an empty key and the aws: prefix', () => {
    expect(run('', 'x')[0]!.message).toContain('is empty');
    expect(run('AWS:team', 'x')[0]!.message).toContain('reserved prefix');
  });

  it('reports a value that is too long or has bad characters, counting characters not bytes', () => {
    expect(run('team', 'v'.repeat(257))[0]!.message).toContain('is 257 characters, over 256');
    expect(run('team', '𝒜'.repeat(256))).toEqual([]);
    expect(run('team', 'a,b')[0]!.message).toContain('Session tag "team" value "a,b"');
  });

  it('checks only the first value, the one AWS reads', () => {
    expect(run('team', 'ok', 'not ok!')).toEqual([]);
  });
});
