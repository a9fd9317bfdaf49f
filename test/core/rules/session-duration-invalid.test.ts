import { describe, expect, it } from 'vitest';
import { sessionDurationInvalid } from '../../../src/core/rules/session-duration-invalid.ts';
import { check } from './fixtures.ts';

const run = (sessionDurationRaw: string | undefined) =>
  check(sessionDurationInvalid, { aws: { sessionDurationRaw } });

describe('session-duration-invalid', () => {
  it('passes 900 to 43200 seconds, and no attribute at all', () => {
    expect(check(sessionDurationInvalid)).toEqual([]);
    expect(run('900')).toEqual([]);
    expect(run('43200')).toEqual([]);
    expect(run(undefined)).toEqual([]);
  });

  it('reports a value that is not a whole number, quoting it', () => {
    for (const value of ['1h', '3600.5', '', '-900']) {
      const results = run(value);
      expect(results, value).toHaveLength(1);
      expect(results[0]!.message).toContain(
        `SessionDuration ${JSON.stringify(value)} is not a whole number`,
      );
    }
  });

  it('reports values out of range', () => {
    expect(run('899')[0]!.message).toContain('below the minimum of 900');
    expect(run('43201')[0]!.message).toContain('above the maximum of 43200');
  });
});
