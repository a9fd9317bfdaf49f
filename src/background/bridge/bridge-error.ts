import type { BridgeError, BridgeErrorCode } from '../../core/bridge.ts';

/**
 * The CLI's reader refuses a message field over 2,048 characters (core/bridge/protocol.ts), and
 * with it the whole answer: a long STS message is cut to fit, so the user still reads most of it.
 */
const MAX_MESSAGE_LENGTH = 2048;

export function bridgeError(code: BridgeErrorCode, message: string): BridgeError {
  const fitted =
    message.length > MAX_MESSAGE_LENGTH
      ? `${message.slice(0, MAX_MESSAGE_LENGTH - 3)}...`
      : message;
  return { code, message: fitted };
}
