import { describe, expect, it } from 'vitest';
import { accountRows, withAccount, withoutAccount } from '../../src/options/accounts.ts';
import {
  emptySettings,
  normalizeSettings,
  parseSettingsJson,
  settingsToJson,
  withFavouriteToggled,
  withRecent,
} from '../../src/core/settings.ts';

const arn = (n: number) => `arn:aws:iam::123456789012:role/R${n}`;

describe('settings', () => {
  it('round-trips through export and import', () => {
    const settings = {
      accounts: { '123456789012': { alias: 'prod', color: '#aabbcc' } },
      favourites: [arn(1)],
      recents: [arn(2)],
    };
    expect(parseSettingsJson(settingsToJson(settings))).toEqual(settings);
  });

  it('drops malformed entries instead of failing', () => {
    const parsed = normalizeSettings({
      accounts: { abc: { alias: 'x' }, '123456789012': { alias: ' a ', color: 'red' } },
      favourites: [arn(1), 5, 'not-an-arn'],
      recents: 'x',
    });
    expect(parsed).toEqual({
      accounts: { '123456789012': { alias: 'a' } },
      favourites: [arn(1)],
      recents: [],
    });
    expect(normalizeSettings(null)).toEqual(emptySettings());
  });

  it('explains a file that is not settings', () => {
    expect(() => parseSettingsJson('{oops')).toThrow(/not JSON/);
    expect(() => parseSettingsJson('[1]')).toThrow(/not a settings object/);
  });

  it('keeps the last five roles, most recent first, without duplicates', () => {
    let settings = emptySettings();
    for (const n of [1, 2, 3, 4, 5, 6, 3]) settings = withRecent(settings, arn(n));
    expect(settings.recents).toEqual([arn(3), arn(6), arn(5), arn(4), arn(2)]);
  });

  it('toggles favourites', () => {
    const once = withFavouriteToggled(emptySettings(), arn(1));
    expect(once.favourites).toEqual([arn(1)]);
    expect(withFavouriteToggled(once, arn(1)).favourites).toEqual([]);
  });
});

describe('account editing', () => {
  it('sets, clears and removes aliases and colours; a typed alias is no longer "learned"', () => {
    const learned = {
      ...emptySettings(),
      accounts: { '123456789012': { alias: 'aws-name', learned: true } },
    };
    const typed = withAccount(learned, '123456789012', { alias: 'mine', color: '#112233' });
    expect(typed.accounts['123456789012']).toEqual({ alias: 'mine', color: '#112233' });
    expect(withAccount(typed, '123456789012', { alias: '', color: '' }).accounts).toEqual({});
    expect(withoutAccount(typed, '123456789012').accounts).toEqual({});
    expect(() => withAccount(typed, '12', { alias: 'x' })).toThrow(/12-digit/);
  });

  it('sorts accounts by alias, unaliased last', () => {
    const settings = {
      ...emptySettings(),
      accounts: {
        '333333333333': { color: '#000000' },
        '222222222222': { alias: 'b' },
        '111111111111': { alias: 'a' },
      },
    };
    expect(accountRows(settings).map((r) => r.accountId)).toEqual([
      '111111111111',
      '222222222222',
      '333333333333',
    ]);
  });
});
