import { describe, expect, it } from 'vitest';
import { inspect } from '../../../src/core/inspect.ts';
import {
  computeContextKeys,
  permissionPolicyContext,
  resolvePermissionPolicy,
} from '../../../src/core/policy.ts';
import { buildSamlResponse, providerArn, toBase64 } from '../../support/saml-fixture.ts';

const PROVIDER = providerArn('123456789012', 'MyIdP');

function context(nameId: string) {
  const inspection = inspect(
    toBase64(
      buildSamlResponse({
        nameId,
        extraAttributes: [
          {
            name: 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:Team',
            values: ['Platform'],
          },
        ],
      }),
    ),
    { now: new Date('2026-01-01T00:30:00Z') },
  );
  return permissionPolicyContext(computeContextKeys(inspection, PROVIDER));
}

/** Auth0's AWS guide: each user gets the S3 folder named after their saml:sub. */
const AUTH0_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['*'],
      Resource: ['arn:aws:s3:::my-bucket/${saml:sub}', 'arn:aws:s3:::my-bucket/${saml:sub}/*'],
    },
  ],
};

describe('resolvePermissionPolicy', () => {
  it("gives each user their own folder in Auth0's example", () => {
    const [statement] = resolvePermissionPolicy(AUTH0_POLICY, context('auth0|5f1e2d'));
    expect(statement?.resources).toEqual({
      not: false,
      values: [
        {
          written: 'arn:aws:s3:::my-bucket/${saml:sub}',
          effective: 'arn:aws:s3:::my-bucket/auth0|5f1e2d',
        },
        {
          written: 'arn:aws:s3:::my-bucket/${saml:sub}/*',
          effective: 'arn:aws:s3:::my-bucket/auth0|5f1e2d/*',
        },
      ],
    });
  });

  it('keeps only the keys a permission policy sees: a trust-only key has no value there', () => {
    const keys = context('alice');
    expect(Object.keys(keys).sort()).toEqual([
      'aws:PrincipalTag/Team',
      'saml:namequalifier',
      'saml:sub',
      'saml:sub_type',
    ]);
    const [statement] = resolvePermissionPolicy(
      {
        Version: '2012-10-17',
        Statement: {
          Sid: 'Home',
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: 'arn:aws:s3:::my-bucket',
          Condition: {
            StringLike: { 's3:prefix': ['home/${aws:PrincipalTag/Team}/*', 'home/${saml:aud}/*'] },
          },
        },
      },
      keys,
    );
    expect(statement?.conditions).toEqual([
      {
        operator: 'StringLike',
        key: 's3:prefix',
        values: [
          { written: 'home/${aws:PrincipalTag/Team}/*', effective: 'home/Platform/*' },
          { written: 'home/${saml:aud}/*', effective: null, unresolved: '${saml:aud}' },
        ],
      },
    ]);
  });

  it('refuses a permission policy without Resource, saying where', () => {
    expect(() =>
      resolvePermissionPolicy({ Statement: [{ Effect: 'Allow', Action: '*' }] }, context('a')),
    ).toThrow(/^Statement\[0\]: no Resource or NotResource/);
  });
});
