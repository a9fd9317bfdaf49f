// One regression test per hostile shape that used to take seconds to minutes (issue 9). The
// bounds are absolute and generous: each input took over 10 s before, and takes milliseconds now.
import { describe, expect, it } from 'vitest';
import { inspect, SamlInputError } from '../../src/core/index.ts';
import {
  deflateBomb,
  trailingSlashes,
  unclosedInputTags,
  unclosedTextareas,
  type HostileInput,
} from '../support/hostile-inputs.ts';

const NOW = new Date('2026-01-01T00:30:00Z');
const BOUND_MS = 2000;

function timed(shape: HostileInput): { ms: number; outcome: unknown } {
  const start = performance.now();
  let outcome: unknown;
  try {
    outcome = inspect(shape.input, { now: NOW });
  } catch (error) {
    outcome = error;
  }
  return { ms: performance.now() - start, outcome };
}

describe('hostile input to inspect', () => {
  it('reads Recipient and Destination ending in 40,000 slashes and a letter (over 10 s before)', () => {
    const { ms, outcome } = timed(trailingSlashes(80_000));
    expect(outcome).not.toBeInstanceOf(Error);
    expect(outcome).toHaveProperty('aws.roles');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('refuses an HTML page of 28,000 unclosed <input tags quickly (over 15 s before)', () => {
    const { ms, outcome } = timed(unclosedInputTags(200_000));
    expect(outcome).toBeInstanceOf(SamlInputError);
    expect((outcome as SamlInputError).code).toBe('form-field-missing');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('refuses an HTML page of 40,000 unclosed, named textareas quickly (over 10 s before)', () => {
    const { ms, outcome } = timed(unclosedTextareas(400_000));
    expect(outcome).toBeInstanceOf(SamlInputError);
    expect((outcome as SamlInputError).code).toBe('form-field-missing');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('stops inflating a DEFLATE bomb as soon as the output passes the limit (over 5 s and 1 GB before)', () => {
    const { ms, outcome } = timed(deflateBomb(1_000_000));
    expect(outcome).toBeInstanceOf(SamlInputError);
    expect((outcome as SamlInputError).code).toBe('too-large');
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
