import { describe, expect, it } from 'vitest';
import type { RolePair } from '../../src/core/index.ts';
import { AllRolesCredentials } from '../../src/popup/credentials/all-roles-credentials.tsx';
import type { AssertionFacts, CredentialsEnv } from '../../src/popup/credentials/env.ts';
import { RoleCredentials } from '../../src/popup/credentials/role-credentials.tsx';
import { expand } from './expand.ts';

const isoRole = (account: string, partition: 'aws-iso' | 'aws-iso-b'): RolePair => ({
  roleArn: `arn:${partition}:iam::${account}:role/Admin`,
  providerArn: `arn:${partition}:iam::${account}:saml-provider/idp`,
  partition,
  accountId: account,
  roleName: 'Admin',
  providerName: 'idp',
});
const ISO = isoRole('111111111111', 'aws-iso');
const ISO_B = isoRole('222222222222', 'aws-iso-b');

const env = {} as CredentialsEnv;
const assertion = (roles: RolePair[]): AssertionFacts => ({ samlAssertion: 'PHNhbWw+', roles });

describe('credentials panel for a partition the tool cannot reach', () => {
  it('says why for one role, with no form or button that could send the assertion', () => {
    const { text, tags } = expand(RoleCredentials({ env, assertion: assertion([ISO]), role: ISO }));
    expect(text).toContain(
      `Role ${ISO.roleArn} is in partition "aws-iso", whose STS and console endpoints this tool does not know`,
    );
    expect(tags).not.toContain('form');
    expect(tags).not.toContain('button');
  });

  it('lists each role with its reason when no role of the assertion is reachable', () => {
    const { text, tags } = expand(AllRolesCredentials({ env, assertion: assertion([ISO, ISO_B]) }));
    expect(text).toContain('partition "aws-iso"');
    expect(text).toContain('partition "aws-iso-b"');
    expect(tags).not.toContain('form');
    expect(tags).not.toContain('button');
  });
});
