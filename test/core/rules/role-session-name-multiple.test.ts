import { describe, expect, it } from 'vitest';
import { AWS_ATTRIBUTES } from '../../../src/core/aws/attributes.ts';
import { roleSessionNameMultiple } from '../../../src/core/rules/role-session-name-multiple.ts';
import { attribute, check, withAttributes } from './fixtures.ts';

describe('role-session-name-multiple', () => {
  it('passes a single value', () => {
    expect(check(roleSessionNameMultiple)).toEqual([]);
  });

  it('warns about two values, listing them', () => {
    const results = check(roleSessionNameMultiple, {
      saml: {
        attributes: withAttributes(attribute(AWS_ATTRIBUTES.roleSessionName, 'jane', 'jdoe')),
      },
    });
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain('2 values ("jane", "jdoe")');
  });

  it('counts values across repeated RoleSessionName attributes', () => {
    const attributes = [
      ...withAttributes(attribute(AWS_ATTRIBUTES.roleSessionName, 'jane')),
      attribute(AWS_ATTRIBUTES.roleSessionName, 'jdoe'),
    ];
    expect(check(roleSessionNameMultiple, { saml: { attributes } })).toHaveLength(1);
  });
});
