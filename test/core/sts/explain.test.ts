import { describe, expect, it } from 'vitest';
import { explainStsError } from '../../../src/core/sts/explain.ts';

describe('explainStsError', () => {
  it('explains a known code', () => {
    expect(explainStsError('ExpiredTokenException', '').meaning).toMatch(/validity window/);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'gives the generic explanation for an STS code named %s',
    (code) => {
      const explanation = explainStsError(code, 'odd');
      expect(explanation.meaning).toBe('STS refused the request.');
      expect(typeof explanation.action).toBe('string');
    },
  );
});
