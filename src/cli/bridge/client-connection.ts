import type { Socket } from 'node:net';
import { BRIDGE_MAX_MESSAGE_BYTES } from '../../core/bridge.ts';
import { encodeFrame, FrameReader } from './framing.ts';
import { bridgeError, UNKNOWN_REQUEST_ID, type Relay, type ReplyTo } from './relay.ts';

/** A request is a few hundred bytes; a client sending more than this is not credential-process. */
export const CLIENT_MAX_REQUEST_BYTES = 16 * 1024;

/** Answers a slow reader may leave unread before it is cut off: a bound on the host's memory. */
const MAX_UNREAD_BYTES = 4 * BRIDGE_MAX_MESSAGE_BYTES;

/**
 * Serves one CLI client on the socket: framed requests in, framed answers out. Whatever it
 * sends, the client gets an error answer or is disconnected; the host goes on.
 */
export function serveClient(socket: Socket, relay: Relay, idleMs: number): void {
  const reader = new FrameReader(CLIENT_MAX_REQUEST_BYTES);
  const reply: ReplyTo = (answer) => {
    if (socket.destroyed) return;
    socket.write(encodeFrame(answer, BRIDGE_MAX_MESSAGE_BYTES));
    if (socket.writableLength > MAX_UNREAD_BYTES) socket.destroy();
  };
  socket.setTimeout(idleMs, () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    for (const event of reader.push(chunk)) {
      if (event.kind === 'message') relay.fromClient(event.value, reply);
      else if (event.kind === 'bad-message')
        reply(bridgeError(UNKNOWN_REQUEST_ID, 'bad-request', event.problem));
      else {
        reply(
          bridgeError(
            UNKNOWN_REQUEST_ID,
            'bad-request',
            `a request of ${event.length} bytes is over the limit of ${CLIENT_MAX_REQUEST_BYTES}`,
          ),
        );
        socket.end();
      }
    }
  });
  socket.on('error', () => socket.destroy());
  socket.on('close', () => relay.dropClient(reply));
}
