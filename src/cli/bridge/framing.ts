// Native messaging framing: a 32-bit length in native byte order, then that many bytes of UTF-8
// JSON. The browser speaks it on the host's stdin/stdout; the host's socket clients speak it too,
// so one reader serves both sides.
import { endianness } from 'node:os';

/** What the reader found in the bytes so far, in order. */
export type FrameEvent =
  | { kind: 'message'; value: unknown }
  /** A whole frame that is not JSON (or not UTF-8): the stream is still in step. */
  | { kind: 'bad-message'; problem: string }
  /**
   * A length over the limit. There is no delimiter to find the next message by, so the stream
   * cannot be resynchronised: the reader stops, and its owner closes the stream.
   */
  | { kind: 'oversized'; length: number };

const HEADER_BYTES = 4;
const LITTLE_ENDIAN = endianness() === 'LE';

function readLength(header: Buffer): number {
  return LITTLE_ENDIAN ? header.readUInt32LE(0) : header.readUInt32BE(0);
}

/** One message as a frame; throws only for a message over `maxBytes` (a bug of ours). */
export function encodeFrame(value: unknown, maxBytes: number): Buffer {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  if (body.length > maxBytes)
    throw new RangeError(`a bridge message of ${body.length} bytes is over ${maxBytes}`);
  const frame = Buffer.allocUnsafe(HEADER_BYTES + body.length);
  if (LITTLE_ENDIAN) frame.writeUInt32LE(body.length, 0);
  else frame.writeUInt32BE(body.length, 0);
  body.copy(frame, HEADER_BYTES);
  return frame;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads frames from chunks as they come: a frame split across chunks, several frames in one.
 * It keeps at most one frame's bytes (the limit plus the header), and never allocates a length it
 * was told before checking it. It never throws.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private stopped = false;

  constructor(private readonly maxBytes: number) {}

  /** True once an oversized length was seen: nothing after it is read. */
  get isStopped(): boolean {
    return this.stopped;
  }

  push(chunk: Buffer): FrameEvent[] {
    if (this.stopped) return [];
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const events: FrameEvent[] = [];
    while (this.buffered >= HEADER_BYTES) {
      const length = readLength(this.peek(HEADER_BYTES));
      if (length > this.maxBytes) {
        this.stopped = true;
        this.chunks = [];
        this.buffered = 0;
        events.push({ kind: 'oversized', length });
        break;
      }
      if (this.buffered < HEADER_BYTES + length) break;
      this.take(HEADER_BYTES);
      events.push(decode(this.take(length)));
    }
    return events;
  }

  /** The first `count` buffered bytes, joined into one chunk (kept as the new first chunk). */
  private peek(count: number): Buffer {
    if (this.chunks[0]!.length < count) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0]!.subarray(0, count);
  }

  private take(count: number): Buffer {
    const head = this.peek(count);
    const first = this.chunks[0]!;
    if (first.length === count) this.chunks.shift();
    else this.chunks[0] = first.subarray(count);
    this.buffered -= count;
    return head;
  }
}

function decode(body: Buffer): FrameEvent {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return { kind: 'bad-message', problem: 'the message is not UTF-8' };
  }
  try {
    return { kind: 'message', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'bad-message', problem: 'the message is not JSON' };
  }
}
