import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupThousands } from '../../src/core/group-thousands.ts';

describe('groupThousands', () => {
  it('writes a count as en-US does, with a comma every three digits', () => {
    for (const value of [0, 7, 999, 1000, 6892, 100_000, 1_234_567, 2 ** 53 - 1])
      expect(groupThousands(value)).toBe(value.toLocaleString('en-US'));
  });
});

describe('the core', () => {
  // ICU's number formatting costs tens of ms on a cold start, and credential_process starts the
  // CLI for every AWS call; a rule summary formatted a count when the module loaded.
  it('formats no number through ICU (toLocaleString, Intl)', () => {
    const root = join(import.meta.dirname, '../../src/core');
    const offenders = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => /\.toLocaleString\(|\bIntl\./.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
