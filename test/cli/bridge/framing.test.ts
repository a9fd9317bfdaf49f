import { endianness } from 'node:os';
import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameReader, type FrameEvent } from '../../../src/cli/bridge/framing.ts';

const LIMIT = 1024;

function header(length: number): Buffer {
  const bytes = Buffer.alloc(4);
  if (endianness() === 'LE') bytes.writeUInt32LE(length);
  else bytes.writeUInt32BE(length);
  return bytes;
}

const frame = (body: Buffer | string) =>
  Buffer.concat([header(Buffer.byteLength(body)), Buffer.from(body)]);

describe('native messaging framing', () => {
  it('writes a 32-bit length in native byte order, then the UTF-8 JSON', () => {
    const bytes = encodeFrame({ a: 'é' }, LIMIT);
    expect(bytes.subarray(0, 4)).toEqual(header(10));
    expect(bytes.subarray(4).toString('utf8')).toBe('{"a":"é"}');
  });

  it('refuses to write a message over the limit', () => {
    expect(() => encodeFrame('x'.repeat(LIMIT), LIMIT)).toThrow(/over 1024/);
  });

  it('reads a message split across chunks at every byte, header included', () => {
    const bytes = encodeFrame({ id: 'x', list: [1, 2, 3], text: 'é€😀' }, LIMIT);
    for (let cut = 1; cut < bytes.length; cut++) {
      const reader = new FrameReader(LIMIT);
      expect(reader.push(bytes.subarray(0, cut))).toEqual([]);
      expect(reader.push(bytes.subarray(cut))).toEqual([
        { kind: 'message', value: { id: 'x', list: [1, 2, 3], text: 'é€😀' } },
      ]);
    }
  });

  it('reads many messages in one chunk, and one byte at a time', () => {
    const messages = Array.from({ length: 500 }, (_, index) => ({ index }));
    const bytes = Buffer.concat(messages.map((message) => encodeFrame(message, LIMIT)));
    const expected = messages.map((value) => ({ kind: 'message', value }));
    expect(new FrameReader(LIMIT).push(bytes)).toEqual(expected);
    const reader = new FrameReader(LIMIT);
    const events: FrameEvent[] = [];
    for (let at = 0; at < bytes.length; at++)
      events.push(...reader.push(bytes.subarray(at, at + 1)));
    expect(events).toEqual(expected);
  });

  it('reports a frame that is not JSON or not UTF-8 and reads on after it', () => {
    const bytes = Buffer.concat([
      frame('{"id":'),
      frame(Buffer.from([0x7b, 0xff, 0x7d])),
      encodeFrame({ id: 'next' }, LIMIT),
    ]);
    expect(new FrameReader(LIMIT).push(bytes)).toEqual([
      { kind: 'bad-message', problem: 'the message is not JSON' },
      { kind: 'bad-message', problem: 'the message is not UTF-8' },
      { kind: 'message', value: { id: 'next' } },
    ]);
  });

  it('stops at a length over the limit without waiting for (or keeping) its bytes', () => {
    const reader = new FrameReader(LIMIT);
    const events = reader.push(
      Buffer.concat([encodeFrame(1, LIMIT), header(0xffffffff), frame('2')]),
    );
    expect(events).toEqual([
      { kind: 'message', value: 1 },
      { kind: 'oversized', length: 0xffffffff },
    ]);
    expect(reader.isStopped).toBe(true);
    expect(reader.push(frame('3'))).toEqual([]);
  });

  it('takes a message of exactly the limit, and refuses one byte more', () => {
    const exact = frame(`"${'a'.repeat(LIMIT - 2)}"`);
    expect(new FrameReader(LIMIT).push(exact)).toHaveLength(1);
    expect(new FrameReader(LIMIT).push(header(LIMIT + 1))).toEqual([
      { kind: 'oversized', length: LIMIT + 1 },
    ]);
  });

  it('never throws on random bytes', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256;
    const reader = new FrameReader(64);
    for (let round = 0; round < 2000 && !reader.isStopped; round++) {
      const chunk = Buffer.from(Array.from({ length: 1 + (random() % 16) }, random));
      expect(() => reader.push(chunk)).not.toThrow();
    }
  });
});
