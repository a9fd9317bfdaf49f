import { describe, expect, it } from 'vitest';
import type { RolePair } from '../../src/core/index.ts';
import { buildRows, groupEntries } from '../../src/shared/role-rows.ts';
import { matches, queryTerms, toEntries } from '../../src/shared/role-search.ts';

function role(accountId: string, roleName: string): RolePair {
  return {
    roleArn: `arn:aws:iam::${accountId}:role/${roleName}`,
    providerArn: `arn:aws:iam::${accountId}:saml-provider/Idp`,
    partition: 'aws',
    accountId,
    roleName,
    providerName: 'Idp',
  };
}

const roles = [
  role('111111111111', 'Admin'),
  role('222222222222', 'team/dev/ReadOnly'),
  role('111111111111', 'ReadOnly'),
  role('333333333333', 'Billing'),
];
const accounts = {
  '111111111111': { alias: 'prod-main', color: '#ff0000' },
  '222222222222': { alias: 'sandbox' },
};
const arns = (list: RolePair[]) => list.map((r) => r.roleArn);
const groups = groupEntries(toEntries(arns(roles), accounts));
const none = { favourites: [] as string[], recents: [] as string[] };

describe('search', () => {
  it('splits the name from its path', () => {
    const [entry] = toEntries([role('222222222222', 'team/dev/ReadOnly').roleArn], {});
    expect(entry).toMatchObject({
      baseName: 'ReadOnly',
      path: '/team/dev/',
      role: { accountId: '222222222222', roleName: 'team/dev/ReadOnly' },
    });
  });

  it('needs every term, in any of account ID, alias, path and name', () => {
    const entries = toEntries(arns(roles), accounts);
    const find = (q: string) =>
      entries.filter((e) => matches(e, queryTerms(q))).map((e) => e.role.roleArn);
    expect(find('readonly')).toHaveLength(2);
    expect(find('SANDBOX read')).toEqual([roles[1]!.roleArn]);
    expect(find('dev 2222')).toEqual([roles[1]!.roleArn]);
    expect(find('prod admin')).toEqual([roles[0]!.roleArn]);
    expect(find('prod billing')).toEqual([]);
  });
});

describe('buildRows', () => {
  it('groups roles under their account in assertion order', () => {
    const { rows, roleRows } = buildRows(groups, none, '');
    expect(
      rows.map((r) =>
        r.kind === 'account'
          ? `#${r.accountId}`
          : r.kind === 'role'
            ? r.entry.role.roleName
            : r.label,
      ),
    ).toEqual([
      '#111111111111',
      'Admin',
      'ReadOnly',
      '#222222222222',
      'team/dev/ReadOnly',
      '#333333333333',
      'Billing',
    ]);
    expect(roleRows).toEqual([1, 2, 4, 6]);
    expect(rows[0]).toMatchObject({ alias: 'prod-main', color: '#ff0000', count: 2 });
  });

  it('pins favourites, then recents that are not favourites, on top', () => {
    const settings = {
      favourites: [roles[3]!.roleArn],
      recents: [roles[3]!.roleArn, roles[1]!.roleArn],
    };
    const { rows, roleRows } = buildRows(groups, settings, '');
    expect(
      rows
        .slice(0, 4)
        .map((r) => (r.kind === 'role' ? `${r.pinned}:${r.entry.role.roleName}` : r.kind)),
    ).toEqual(['section', 'favourite:Billing', 'section', 'recent:team/dev/ReadOnly']);
    expect(roleRows[0]).toBe(1);
  });

  it('filters pinned and grouped rows alike and counts matches', () => {
    const settings = { favourites: [roles[0]!.roleArn], recents: [] };
    const { rows, matchCount } = buildRows(groups, settings, 'readonly');
    expect(matchCount).toBe(2);
    expect(rows.some((r) => r.kind === 'section')).toBe(false);
    expect(rows.filter((r) => r.kind === 'account')).toHaveLength(2);
  });

  it('handles 1,000 roles', () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      role(String(100000000000 + (i % 50)), `team${i % 7}/Role${i}`),
    );
    const built = buildRows(groupEntries(toEntries(arns(many), {})), none, 'team3 role1');
    expect(built.matchCount).toBe(
      many.filter((r) => r.roleName.startsWith('team3/') && r.roleName.includes('Role1')).length,
    );
  });
});
