import { describe, expect, it } from 'vitest';
import { responseTooLarge } from '../../../src/core/rules/response-too-large.ts';
import { check } from './fixtures.ts';

describe('response-too-large', () => {
  it('passes up to 100,000 characters, and when the length is unknown', () => {
    expect(check(responseTooLarge, { input: { form: 'base64', base64Length: 100_000 } })).toEqual(
      [],
    );
    expect(check(responseTooLarge, { input: null })).toEqual([]);
  });

  it('reports 100,001 characters', () => {
    const results = check(responseTooLarge, { input: { form: 'base64', base64Length: 100_001 } });
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain('is 100,001 characters; AWS rejects more than 100,000');
  });
});
