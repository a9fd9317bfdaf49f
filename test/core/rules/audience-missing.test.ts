import { describe, expect, it } from 'vitest';
import { audienceMissing } from '../../../src/core/rules/audience-missing.ts';
import { check } from './fixtures.ts';

describe('audience-missing', () => {
  it('passes when an Audience is sent', () => {
    expect(check(audienceMissing)).toEqual([]);
  });

  it('reports no Audience, or only blank ones', () => {
    expect(check(audienceMissing, { saml: { audiences: [] } })).toHaveLength(1);
    expect(check(audienceMissing, { saml: { audiences: [' '] } })).toHaveLength(1);
  });

  it('stays quiet when the assertion is encrypted', () => {
    expect(check(audienceMissing, { saml: { audiences: [], encryptedAssertion: true } })).toEqual(
      [],
    );
  });
});
