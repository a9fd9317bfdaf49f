import { describe, expect, it } from 'vitest';
import {
  describeRoleValue,
  roleValues as roleValuesOfView,
} from '../../../src/core/lint/role-values.ts';
import { buildAwsView } from '../../../src/core/aws/view.ts';
import type { SamlMessage } from '../../../src/core/saml/model.ts';

const roleValues = (saml: SamlMessage) => roleValuesOfView(buildAwsView(saml));
import { AWS_ATTRIBUTES } from '../../../src/core/aws/attributes.ts';
import {
  attribute,
  PROVIDER_ARN,
  ROLE_ARN,
  SECOND_ROLE_ARN,
  validSaml,
  withRoleValues,
} from '../rules/fixtures.ts';

describe('roleValues', () => {
  it('reads pairs in either order, indexing across values', () => {
    const { values, hasAny } = roleValues(validSaml());
    expect(hasAny).toBe(true);
    expect(
      values.map((value) => [value.index, value.pair?.roleArn, value.pair?.providerArn]),
    ).toEqual([
      [0, ROLE_ARN, PROVIDER_ARN],
      [1, SECOND_ROLE_ARN, PROVIDER_ARN],
    ]);
  });

  it('keeps the ARN of a part whose only problem is its account ID, but makes no pair', () => {
    const [value] = roleValues(
      withRoleValues(`arn:aws:iam::42:role/Dev,${PROVIDER_ARN}`).saml,
    ).values;
    expect(value!.parts[0]).toMatchObject({
      badAccountId: '42',
      arn: { accountId: '42', name: 'Dev' },
    });
    expect(value!.parts[0]!.problem).toBeUndefined();
    expect(value!.pair).toBeUndefined();
  });

  it('reads a Role attribute whose name has surrounding whitespace, as buildAwsView does', () => {
    const saml = {
      ...validSaml(),
      attributes: [attribute(` ${AWS_ATTRIBUTES.role}\n`, `${ROLE_ARN},${PROVIDER_ARN}`)],
    };
    expect(roleValues(saml).values[0]!.pair?.roleArn).toBe(ROLE_ARN);
  });

  it('describes a value by its 1-based position, quoted', () => {
    const [, second] = roleValues(validSaml()).values;
    expect(describeRoleValue(second!, 2)).toBe(
      `Role value 2 of 2 ("${PROVIDER_ARN},${SECOND_ROLE_ARN}")`,
    );
  });
});
