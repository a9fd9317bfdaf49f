import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_TEXT, describeDuration } from '../../../src/core/lint/saml-time.ts';
import { parseSamlTime } from '../../../src/core/saml/time.ts';

describe('parseSamlTime', () => {
  it('parses UTC, fractional seconds beyond milliseconds, and offsets', () => {
    expect(parseSamlTime('2025-01-15T12:00:00Z')).toBe(Date.UTC(2025, 0, 15, 12));
    expect(parseSamlTime('2025-01-15T12:00:00.9999999Z')).toBe(
      Date.UTC(2025, 0, 15, 12, 0, 0, 999),
    );
    expect(parseSamlTime('2025-01-15T13:00:00+01:00')).toBe(Date.UTC(2025, 0, 15, 12));
  });

  it('rejects impossible or zone-less values', () => {
    for (const text of [
      '2025-02-29T00:00:00Z',
      '2025-01-15T12:60:00Z',
      '2025-01-15T12:00:00',
      '',
      'now',
    ]) {
      expect(parseSamlTime(text), text).toBeUndefined();
    }
    expect(parseSamlTime('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
  });
});

describe('describeDuration', () => {
  it('names the largest whole unit', () => {
    expect(describeDuration(90_000)).toBe('1 minute');
    expect(describeDuration(-3 * 3_600_000)).toBe('3 hours');
    expect(describeDuration(500)).toBe('less than a second');
    expect(CLOCK_SKEW_TEXT).toBe('5 minutes');
  });
});
