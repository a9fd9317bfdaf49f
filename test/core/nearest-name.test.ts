import { describe, expect, it } from 'vitest';
import { nearestName } from '../../src/core/nearest-name.ts';

describe('nearestName', () => {
  it('finds a dropped, added, changed or swapped letter', () => {
    const names = ['username', 'name', 'email', 'groups', 'attributes'];
    expect(nearestName('usernme', names)).toBe('username');
    expect(nearestName('emaill', names)).toBe('email');
    expect(nearestName('grups', names)).toBe('groups');
    expect(nearestName('attirbutes', names)).toBe('attributes');
    expect(nearestName('us-est-1', ['us-east-1', 'us-west-1', 'eu-west-1'])).toBe('us-east-1');
  });

  it('guesses nothing for a name far from all, a short one, or the name itself', () => {
    expect(nearestName('department', ['username', 'email'])).toBeUndefined();
    expect(nearestName('x', ['y'])).toBeUndefined();
    expect(nearestName('email', ['email'])).toBeUndefined();
    expect(nearestName('a'.repeat(10_000), ['a'])).toBeUndefined();
  });
});
