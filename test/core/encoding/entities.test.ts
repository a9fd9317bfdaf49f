import { describe, expect, it } from 'vitest';
import { decodeCharacterReferences } from '../../../src/core/encoding/entities.ts';

describe('decodeCharacterReferences', () => {
  it('replaces the five predefined entities and numeric references', () => {
    expect(decodeCharacterReferences('&lt;a&gt; &amp; &quot;&apos; &#65;&#x42;')).toBe(
      '<a> & "\' AB',
    );
  });

  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
    'leaves &%s; alone: no name from the input reaches a prototype',
    (name) => {
      expect(decodeCharacterReferences(`a&${name};b`)).toBe(`a&${name};b`);
    },
  );
});
