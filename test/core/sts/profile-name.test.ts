import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE_TEMPLATE, profileName } from '../../../src/core/sts/profile-name.ts';

const FACTS = { accountId: '123456789012', roleName: 'team/dev/ReadOnly', partition: 'aws' };

describe('profileName', () => {
  it('defaults to the alias, falling back to the account ID, then the role name with its path', () => {
    expect(profileName(DEFAULT_PROFILE_TEMPLATE, FACTS)).toBe('123456789012-team-dev-ReadOnly');
    expect(profileName(DEFAULT_PROFILE_TEMPLATE, { ...FACTS, accountAlias: 'prod' })).toBe(
      'prod-team-dev-ReadOnly',
    );
    expect(profileName(DEFAULT_PROFILE_TEMPLATE, { ...FACTS, accountAlias: '' })).toBe(
      '123456789012-team-dev-ReadOnly',
    );
  });

  it('fills every placeholder, with spaces around names and alternatives allowed', () => {
    expect(
      profileName('{partition}/{ region | accountId }:{roleName}', {
        ...FACTS,
        region: 'eu-west-1',
      }),
    ).toBe('aws-eu-west-1-team-dev-ReadOnly');
    expect(profileName('{region|partition}_x', FACTS)).toBe('aws_x');
  });

  it('keeps only characters safe in an INI section name and on a command line', () => {
    expect(
      profileName('[{accountAlias}] #; =x', { ...FACTS, accountAlias: 'My Team ] Prod' }),
    ).toBe('My-Team-Prod-x');
    expect(profileName('{roleName}', { ...FACTS, roleName: 'R+=,.@_-' })).toBe('R+-.@_');
  });

  it('refuses unknown placeholders, stray braces and empty names, naming the template', () => {
    expect(() => profileName('{account}-{roleName}', FACTS)).toThrow(
      'profile template "{account}-{roleName}": unknown placeholder "account" (use accountAlias, accountId, roleName, partition, region; "a|b" takes the first that is set)',
    );
    expect(() => profileName('{roleName', FACTS)).toThrow('has an unmatched brace');
    expect(() => profileName('x}', FACTS)).toThrow('has an unmatched brace');
    expect(() => profileName('{region}', FACTS)).toThrow(
      'profile template "{region}" gives an empty name for 123456789012/team/dev/ReadOnly',
    );
  });
});
