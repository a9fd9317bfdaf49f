import { describe, expect, it, vi } from 'vitest';

/** What the fake runtime does with the next message; each test sets it. */
let deliver: (message: unknown) => Promise<unknown> = async () => undefined;
const delivered: unknown[] = [];
vi.mock('../../src/platform/messages.ts', () => ({
  sendRawMessage: (message: unknown) => {
    delivered.push(message);
    return deliver(message);
  },
}));
const { send } = await import('../../src/shared/message-channel.ts');

describe('send', () => {
  it("hands back the worker's result as is", async () => {
    deliver = async () => ({ ok: true, value: { expired: true } });
    expect(await send({ type: 'capture/expire', tabId: 1 })).toEqual({
      ok: true,
      value: { expired: true },
    });
    expect(delivered.at(-1)).toEqual({ type: 'capture/expire', tabId: 1 });
  });

  it('turns a missing worker into an error result', async () => {
    deliver = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    expect(await send({ type: 'capture/details', tabId: 1 })).toEqual({
      ok: false,
      error: 'Could not establish connection. Receiving end does not exist.',
    });
  });

  it('turns an answer that is not a result into an error naming the message', async () => {
    for (const reply of [undefined, { error: 'old shape' }, { ok: false }]) {
      deliver = async () => reply;
      expect(await send({ type: 'signin/form', sourceTabId: 1, roleArn: 'x' })).toEqual({
        ok: false,
        error: "The extension's worker gave no answer to signin/form.",
      });
    }
  });
});
