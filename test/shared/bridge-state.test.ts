import { describe, expect, it } from 'vitest';
import { readBridgeState } from '../../src/shared/bridge-state.ts';

describe('readBridgeState', () => {
  it('reads what the worker stores', () => {
    expect(readBridgeState({ kind: 'connected' })).toEqual({ kind: 'connected' });
    expect(readBridgeState({ kind: 'error', message: 'x', retryInMs: 2000 })).toEqual({
      kind: 'error',
      message: 'x',
      retryInMs: 2000,
    });
  });

  it.each([undefined, null, 'connected', { kind: 'exploded' }, { kind: 7 }])(
    'reads %j as off',
    (value) => expect(readBridgeState(value)).toEqual({ kind: 'off' }),
  );
});
