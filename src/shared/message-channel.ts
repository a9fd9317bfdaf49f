// The typed sender: each message gets its own reply type, and every failure (no worker, a
// handler that threw, a reply of the wrong shape) arrives as an error result, never as undefined.
import { sendRawMessage } from '../platform/messages.ts';
import type { Message, ReplyOf, Result } from './messages.ts';

export async function send<M extends Message>(message: M): Promise<Result<ReplyOf<M>>> {
  try {
    const reply = await sendRawMessage(message);
    if (isResult(reply)) return reply as Result<ReplyOf<M>>;
    return { ok: false, error: `The extension's worker gave no answer to ${message.type}.` };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function isResult(value: unknown): value is Result<unknown> {
  const result = value as { ok?: unknown; error?: unknown } | null;
  return (
    typeof result === 'object' &&
    result !== null &&
    (result.ok === true || (result.ok === false && typeof result.error === 'string'))
  );
}
