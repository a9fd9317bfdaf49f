import { connect } from 'node:net';
import {
  BRIDGE_MAX_MESSAGE_BYTES,
  BRIDGE_PROTOCOL_VERSION,
  readBridgeResponse,
  type BridgeRequest,
  type BridgeResponse,
} from '../../core/bridge.ts';
import { encodeFrame, FrameReader } from './framing.ts';

/** Why no answer came, for the caller to turn into its message and exit code. */
export type AskFailure =
  /** No socket, or nobody listening on it: the browser (or its host) is not running. */
  | { kind: 'no-host'; detail: string }
  | { kind: 'timeout' }
  /** The host answered something the protocol does not allow. */
  | { kind: 'bad-answer'; detail: string };

export type AskResult = { ok: true; answer: BridgeResponse } | { ok: false; failure: AskFailure };

type Question =
  | { type: 'status' }
  | { type: 'credentials'; roleArn: string; durationSeconds?: number; region?: string };

/** Sends one request through the host's socket and waits for its answer. */
export function askBridge(
  socketPath: string,
  question: Question,
  timeoutMs: number,
): Promise<AskResult> {
  const id = `c${process.pid}`;
  const request: BridgeRequest = { ...question, v: BRIDGE_PROTOCOL_VERSION, id } as BridgeRequest;
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    const reader = new FrameReader(BRIDGE_MAX_MESSAGE_BYTES);
    let settled = false;
    const finish = (result: AskResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, failure: { kind: 'timeout' } }), timeoutMs);
    socket.once('connect', () => socket.write(encodeFrame(request, BRIDGE_MAX_MESSAGE_BYTES)));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish(
        error.code === 'ENOENT' || error.code === 'ECONNREFUSED'
          ? { ok: false, failure: { kind: 'no-host', detail: error.code } }
          : { ok: false, failure: { kind: 'bad-answer', detail: error.code ?? error.message } },
      ),
    );
    socket.on('close', () =>
      finish({
        ok: false,
        failure: { kind: 'bad-answer', detail: 'the host closed the connection without answering' },
      }),
    );
    socket.on('data', (chunk: Buffer) => {
      const [event] = reader.push(chunk);
      if (!event) return;
      if (event.kind === 'oversized')
        return finish({
          ok: false,
          failure: { kind: 'bad-answer', detail: `an answer of ${event.length} bytes` },
        });
      if (event.kind === 'bad-message')
        return finish({ ok: false, failure: { kind: 'bad-answer', detail: event.problem } });
      const parsed = readBridgeResponse(event.value);
      if (!parsed.ok)
        return finish({ ok: false, failure: { kind: 'bad-answer', detail: parsed.problem } });
      if (parsed.value.id !== id)
        return finish({
          ok: false,
          failure: { kind: 'bad-answer', detail: 'the answer is for another request' },
        });
      finish({ ok: true, answer: parsed.value });
    });
  });
}
