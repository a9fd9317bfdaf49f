// The stand-in's own checks on hostile Role values and tag keys: bounded time, a refusal.
import { describe, expect, it } from 'vitest';
import { readRoles } from '../../src/idp/standin/judge/role-values.ts';
import { readSessionAttributes } from '../../src/idp/standin/judge/session-attributes.ts';

const PREFIX = 'https://aws.amazon.com/SAML/Attributes/';

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe("the stand-in's checks on hostile values", () => {
  it('refuses a role path of 40,000 segments ending in a bad character, quickly', () => {
    const value = `arn:aws:iam::123456789012:role/${'a/'.repeat(40_000)}!,arn:aws:iam::123456789012:saml-provider/x`;
    const { value: roles, ms } = timed(() =>
      readRoles([{ name: `${PREFIX}Role`, values: [value] }]),
    );
    expect(roles).toMatchObject({ code: 'InvalidIdentityToken' });
    expect(ms).toBeLessThan(500);
  });

  it('refuses a Role value of 100,000 commas, quickly', () => {
    const { value: roles, ms } = timed(() =>
      readRoles([{ name: `${PREFIX}Role`, values: [','.repeat(100_000)] }]),
    );
    expect(roles).toMatchObject({ code: 'InvalidIdentityToken' });
    expect(ms).toBeLessThan(500);
  });

  it('refuses a tag key of 80,000 characters, quickly', () => {
    const { value: session, ms } = timed(() =>
      readSessionAttributes([
        { name: `${PREFIX}RoleSessionName`, values: ['alice'] },
        { name: `${PREFIX}PrincipalTag:${'a'.repeat(80_000)}`, values: ['x'] },
      ]),
    );
    expect(session).toMatchObject({ code: 'InvalidIdentityToken' });
    expect(ms).toBeLessThan(500);
  });
});
