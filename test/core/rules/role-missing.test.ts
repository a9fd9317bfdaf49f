import { describe, expect, it } from 'vitest';
import { AWS_ATTRIBUTES } from '../../../src/core/aws/attributes.ts';
import { roleMissing } from '../../../src/core/rules/role-missing.ts';
import {
  attribute,
  check,
  identityCenterContext,
  withAttributes,
  withoutAttributes,
} from './fixtures.ts';

describe('role-missing', () => {
  it('passes when Role has values', () => {
    expect(check(roleMissing)).toEqual([]);
  });

  it('reports a missing Role attribute', () => {
    const results = check(roleMissing, {
      saml: { attributes: withoutAttributes(AWS_ATTRIBUTES.role) },
      aws: { roles: [], roleAttributePresent: false },
    });
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain(`There is no ${AWS_ATTRIBUTES.role} attribute`);
  });

  it('reports a Role attribute whose values are all blank', () => {
    const results = check(roleMissing, {
      saml: { attributes: withAttributes(attribute(AWS_ATTRIBUTES.role, '', '  ')) },
      aws: { roles: [], roleAttributePresent: true },
    });
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain('has no non-empty value');
  });

  it('stays quiet for an IAM Identity Center response', () => {
    expect(roleMissing.check(identityCenterContext())).toEqual([]);
  });

  it('stays quiet when the assertion is encrypted', () => {
    expect(check(roleMissing, { saml: { encryptedAssertion: true, attributes: [] } })).toEqual([]);
  });
});
