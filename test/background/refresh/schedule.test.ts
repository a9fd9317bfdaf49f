import { describe, expect, it } from 'vitest';
import { dueNow, heldKey, nextWake } from '../../../src/background/refresh/schedule.ts';
import {
  DEFAULT_MARGIN_MINUTES,
  readKeepFresh,
  withRoleKeptFresh,
  KEEP_NOTHING_FRESH,
  isKeptFresh,
} from '../../../src/shared/keep-fresh/keep-fresh-settings.ts';

const MIN = 60_000;
const T0 = Date.parse('2030-01-01T00:00:00Z');
const admin = {
  tabId: 1,
  roleArn: 'arn:aws:iam::111111111111:role/Admin',
  expiresAt: T0 + 60 * MIN,
};
const ro = {
  tabId: 1,
  roleArn: 'arn:aws:iam::111111111111:role/ReadOnly',
  expiresAt: T0 + 30 * MIN,
};
const margin = 5 * MIN;

describe('the keep-fresh schedule (fake clock)', () => {
  it('is due a margin before expiry, not a millisecond earlier', () => {
    const attempted = new Map<string, number>();
    expect(dueNow([admin, ro], { marginMs: margin, now: T0 + 25 * MIN - 1, attempted })).toEqual(
      [],
    );
    expect(dueNow([admin, ro], { marginMs: margin, now: T0 + 25 * MIN, attempted })).toEqual([ro]);
    expect(dueNow([admin, ro], { marginMs: margin, now: T0 + 55 * MIN, attempted })).toEqual([
      admin,
      ro,
    ]);
  });

  it('wakes at the earliest due time', () => {
    expect(nextWake([admin, ro], { marginMs: margin, attempted: new Map() })).toBe(T0 + 25 * MIN);
    expect(nextWake([], { marginMs: margin, attempted: new Map() })).toBeUndefined();
  });

  it('tries once per expiry: an attempted expiry is neither due nor woken for again', () => {
    const attempted = new Map([[heldKey(ro), ro.expiresAt]]);
    expect(dueNow([admin, ro], { marginMs: margin, now: T0 + 59 * MIN, attempted })).toEqual([
      admin,
    ]);
    expect(nextWake([admin, ro], { marginMs: margin, attempted })).toBe(T0 + 55 * MIN);
    // New credentials (a new expiry) are due again in their turn.
    const renewed = { ...ro, expiresAt: T0 + 90 * MIN };
    expect(dueNow([renewed], { marginMs: margin, now: T0 + 85 * MIN, attempted })).toEqual([
      renewed,
    ]);
  });
});

describe('keep-fresh settings', () => {
  it('defaults to nothing kept fresh with a five-minute margin', () => {
    expect(readKeepFresh(undefined)).toEqual(KEEP_NOTHING_FRESH);
    expect(KEEP_NOTHING_FRESH.marginMinutes).toBe(DEFAULT_MARGIN_MINUTES);
    expect(DEFAULT_MARGIN_MINUTES).toBe(5);
  });

  it('reads whatever storage holds into a valid setting', () => {
    expect(readKeepFresh({ all: 'yes', roles: ['a', 3, null], marginMinutes: 0 })).toEqual({
      all: false,
      roles: ['a'],
      marginMinutes: 5,
    });
    expect(readKeepFresh({ marginMinutes: 11 }).marginMinutes).toBe(5);
    expect(readKeepFresh({ marginMinutes: 2.5 }).marginMinutes).toBe(5);
    expect(readKeepFresh({ marginMinutes: 10 }).marginMinutes).toBe(10);
  });

  it('turns one role, or all roles, on and off', () => {
    const one = withRoleKeptFresh(KEEP_NOTHING_FRESH, { roleArn: admin.roleArn }, true);
    expect(isKeptFresh(one, admin.roleArn)).toBe(true);
    expect(isKeptFresh(one, ro.roleArn)).toBe(false);
    expect(withRoleKeptFresh(one, { roleArn: admin.roleArn }, true).roles).toEqual([admin.roleArn]);
    expect(isKeptFresh(withRoleKeptFresh(one, { all: true }, true), ro.roleArn)).toBe(true);
    expect(withRoleKeptFresh(one, { roleArn: admin.roleArn }, false).roles).toEqual([]);
  });
});
