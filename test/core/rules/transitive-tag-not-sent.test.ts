import { describe, expect, it } from 'vitest';
import { transitiveTagNotSent } from '../../../src/core/rules/transitive-tag-not-sent.ts';
import { check } from './fixtures.ts';

describe('transitive-tag-not-sent', () => {
  it('passes keys that are sent as tags, ignoring case', () => {
    expect(check(transitiveTagNotSent)).toEqual([]);
    expect(check(transitiveTagNotSent, { aws: { transitiveTagKeys: ['Team'] } })).toEqual([]);
  });

  it('reports a transitive key with no tag', () => {
    const results = check(transitiveTagNotSent, {
      aws: { transitiveTagKeys: ['team', 'project'] },
    });
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain('TransitiveTagKeys names "project"');
  });
});
