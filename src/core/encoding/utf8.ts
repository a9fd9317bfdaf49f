import { SamlInputError } from '../errors.ts';

// TextEncoder/TextDecoder exist in every runtime the core runs in (worker, Node, Firefox), but
// the core compiles without DOM or Node types, so they are reached through globalThis.
interface Utf8Codec {
  TextDecoder: new (
    label: string,
    options: { fatal: boolean },
  ) => { decode(bytes: Uint8Array): string };
  TextEncoder: new () => { encode(text: string): Uint8Array };
}
const codec = globalThis as unknown as Utf8Codec;

/** A decoder that refuses invalid input; throws (RangeError) for an encoding it does not know. */
export function strictTextDecoder(label: string): { decode(bytes: Uint8Array): string } {
  return new codec.TextDecoder(label, { fatal: true });
}

const strictDecoder = strictTextDecoder('utf-8');
const encoder = new codec.TextEncoder();

/** Decodes UTF-8, refusing invalid byte sequences rather than guessing. */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    const text = strictDecoder.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new SamlInputError('not-utf8', `${what} is not valid UTF-8 text`);
  }
}

export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}
