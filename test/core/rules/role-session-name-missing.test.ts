import { describe, expect, it } from 'vitest';
import { AWS_ATTRIBUTES } from '../../../src/core/aws/attributes.ts';
import { roleSessionNameMissing } from '../../../src/core/rules/role-session-name-missing.ts';
import { check, identityCenterContext, withoutAttributes } from './fixtures.ts';

describe('role-session-name-missing', () => {
  it('passes when a session name is sent', () => {
    expect(check(roleSessionNameMissing)).toEqual([]);
  });

  it('reports a missing session name', () => {
    const results = check(roleSessionNameMissing, {
      saml: { attributes: withoutAttributes(AWS_ATTRIBUTES.roleSessionName) },
      aws: { sessionName: undefined },
    });
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain(AWS_ATTRIBUTES.roleSessionName);
  });

  it('reports an empty session name', () => {
    expect(check(roleSessionNameMissing, { aws: { sessionName: '' } })).toHaveLength(1);
  });

  it('stays quiet for Identity Center and for an encrypted assertion', () => {
    expect(roleSessionNameMissing.check(identityCenterContext())).toEqual([]);
    expect(
      check(roleSessionNameMissing, {
        saml: { encryptedAssertion: true },
        aws: { sessionName: undefined },
      }),
    ).toEqual([]);
  });
});
