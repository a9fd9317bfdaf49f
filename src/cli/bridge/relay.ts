import {
  BRIDGE_PROTOCOL_VERSION,
  readBridgeRequest,
  readBridgeResponse,
  type BridgeErrorCode,
  type BridgeResponse,
} from '../../core/bridge.ts';

/** How the relay reaches one CLI client: one call per answer. */
export type ReplyTo = (answer: BridgeResponse) => void;

export interface RelayOptions {
  /** Sends a request on to the extension (framed on stdout). */
  toBrowser(request: unknown): void;
  /** How long the extension may take; a re-sign-in in a background tab takes seconds. */
  timeoutMs: number;
  /** Requests waiting for the extension at once, across clients. */
  maxPending: number;
  /** A line for stderr, which the browser logs: never a message's contents. */
  log(line: string): void;
}

interface Pending {
  clientId: string;
  reply: ReplyTo;
  timer: ReturnType<typeof setTimeout>;
}

/** The id an answer carries when the request had none that could be read. */
export const UNKNOWN_REQUEST_ID = 'unknown';

export function bridgeError(id: string, code: BridgeErrorCode, message: string): BridgeResponse {
  return { v: BRIDGE_PROTOCOL_VERSION, id, ok: false, error: { code, message } };
}

/**
 * Correlates requests from many CLI clients with the extension's answers. Each request gets an id
 * of the host's own on the way to the browser, so two clients that both chose id "1" never get
 * each other's answer, and a client can never guess another's.
 */
export class Relay {
  private readonly pending = new Map<string, Pending>();
  private counter = 0;

  constructor(private readonly options: RelayOptions) {}

  get waiting(): number {
    return this.pending.size;
  }

  fromClient(message: unknown, reply: ReplyTo): void {
    const parsed = readBridgeRequest(message);
    if (!parsed.ok) {
      reply(bridgeError(parsed.id ?? UNKNOWN_REQUEST_ID, 'bad-request', parsed.problem));
      return;
    }
    const request = parsed.value;
    if (this.pending.size >= this.options.maxPending) {
      reply(
        bridgeError(
          request.id,
          'host-busy',
          `${this.pending.size} requests are waiting for the extension already; try again`,
        ),
      );
      return;
    }
    const hostId = `h${(this.counter += 1)}`;
    const timer = setTimeout(() => {
      this.pending.delete(hostId);
      reply(
        bridgeError(
          request.id,
          'timeout',
          `the extension did not answer within ${Math.round(this.options.timeoutMs / 1000)} s`,
        ),
      );
    }, this.options.timeoutMs);
    this.pending.set(hostId, { clientId: request.id, reply, timer });
    this.options.toBrowser({ ...request, id: hostId });
  }

  fromBrowser(message: unknown): void {
    const parsed = readBridgeResponse(message);
    if (!parsed.ok) {
      this.options.log(`an answer from the extension was refused: ${parsed.problem}`);
      const entry = parsed.id === undefined ? undefined : this.pending.get(parsed.id);
      if (entry && parsed.id !== undefined) {
        this.settle(parsed.id, entry);
        entry.reply(
          bridgeError(
            entry.clientId,
            'bad-request',
            `the extension's answer was refused: ${parsed.problem}`,
          ),
        );
      }
      return;
    }
    const current = this.pending.get(parsed.value.id);
    if (!current) {
      // Late (after its timeout) or for a client that left: nothing waits for it.
      this.options.log('an answer from the extension came for no waiting request');
      return;
    }
    this.settle(parsed.value.id, current);
    current.reply({ ...parsed.value, id: current.clientId });
  }

  /** A client went away: its requests wait for nothing now. */
  dropClient(reply: ReplyTo): void {
    for (const [hostId, entry] of this.pending)
      if (entry.reply === reply) this.settle(hostId, entry);
  }

  /** Ends every wait, e.g. when the browser closed the port. */
  close(reason: string): void {
    for (const [hostId, entry] of this.pending) {
      this.settle(hostId, entry);
      entry.reply(bridgeError(entry.clientId, 'timeout', reason));
    }
  }

  private settle(hostId: string, entry: Pending): void {
    clearTimeout(entry.timer);
    this.pending.delete(hostId);
  }
}
