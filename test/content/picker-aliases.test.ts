import { describe, expect, it } from 'vitest';
import { parseAccountLabels } from '../../src/content/picker-aliases.ts';

describe('parseAccountLabels', () => {
  it('reads "Account: alias (id)" and skips accounts without an alias', () => {
    expect(
      parseAccountLabels([
        'Account: prod-main (123456789012)',
        '  Account:\n  123456789013 (123456789013) ',
        'Account: 123456789014',
        'junk',
      ]),
    ).toEqual([{ accountId: '123456789012', alias: 'prod-main' }]);
  });
});
