import { describe, expect, it } from 'vitest';
import { changedAttributes } from '../../../src/idp/scim/diff.ts';
import {
  filterValue,
  findRequest,
  membershipPatches,
  membershipRequest,
} from '../../../src/idp/scim/requests.ts';

describe('request building', () => {
  it('quotes filter values as JSON strings: quotes and backslashes escaped, then URL-encoded', () => {
    expect(filterValue('a"b\\c')).toBe('"a\\"b\\\\c"');
    const request = findRequest('Users', 'userName', 'x" or userName pr or "');
    expect(decodeURIComponent(request.path.split('filter=')[1]!)).toBe(
      'userName eq "x\\" or userName pr or \\""',
    );
    expect(request.path).not.toMatch(/[ "]/);
  });

  it('asks about membership with eq joined by and (what Identity Center filters allow)', () => {
    expect(decodeURIComponent(membershipRequest('g1', 'u1').path)).toBe(
      '/Groups?filter=id eq "g1" and members eq "u1"',
    );
  });

  it('membership changes are add and remove operations, at most 100 a request, never a replace', () => {
    const add = Array.from({ length: 150 }, (_, i) => `a${i}`);
    const patches = membershipPatches('g/1', add, ['r"1']);
    expect(patches).toHaveLength(2);
    expect(patches[0]!.path).toBe('/Groups/g%2F1');
    const ops = patches.map(
      (p) =>
        (p.body as { Operations: { op: string; path: string; value?: unknown[] }[] }).Operations,
    );
    expect(ops[0]).toEqual([
      { op: 'add', path: 'members', value: add.slice(0, 100).map((value) => ({ value })) },
    ]);
    expect(ops[1]).toEqual([
      { op: 'add', path: 'members', value: add.slice(100).map((value) => ({ value })) },
      { op: 'remove', path: 'members[value eq "r\\"1"]' },
    ]);
    expect(membershipPatches('g', [], [])).toEqual([]);
  });
});

describe('what changed', () => {
  const desired = {
    schemas: ['s'],
    userName: 'a',
    name: { givenName: 'A', familyName: 'B' },
    emails: [{ value: 'a@x', primary: true }],
    active: true,
  };

  it('nothing, when the server adds what it keeps (id, meta, extra sub-attributes)', () => {
    expect(
      changedAttributes(desired, {
        ...desired,
        id: '1',
        meta: { resourceType: 'User' },
        name: { givenName: 'A', familyName: 'B', formatted: 'A B' },
        emails: [{ value: 'a@x', primary: true, type: 'work' }],
      }),
    ).toEqual([]);
  });

  it('names each attribute that differs, and an owned attribute the IdP no longer sends', () => {
    expect(
      changedAttributes(desired, {
        ...desired,
        name: { givenName: 'A', familyName: 'C' },
        emails: [{ value: 'a@x', primary: true }, { value: 'b@x' }],
        active: false,
        photos: [{ value: 'https://x/p.png' }],
        title: 'kept: not ours',
      }),
    ).toEqual(['name', 'emails', 'active', 'photos']);
  });
});
