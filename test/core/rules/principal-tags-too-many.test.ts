import { describe, expect, it } from 'vitest';
import { AWS_ATTRIBUTES } from '../../../src/core/aws/attributes.ts';
import { principalTagsTooMany } from '../../../src/core/rules/principal-tags-too-many.ts';
import { attribute, check, withAttributes } from './fixtures.ts';

function tags(count: number) {
  return Array.from({ length: count }, (_, i) =>
    attribute(`${AWS_ATTRIBUTES.principalTagPrefix}tag${i}`, 'x'),
  );
}

describe('principal-tags-too-many', () => {
  it('passes 50 tags', () => {
    expect(
      check(principalTagsTooMany, { saml: { attributes: withAttributes(...tags(49)) } }),
    ).toEqual([]);
  });

  it('reports 51 tags', () => {
    const results = check(principalTagsTooMany, {
      saml: { attributes: withAttributes(...tags(50)) },
    });
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain('sends 51 PrincipalTag attributes');
  });
});
