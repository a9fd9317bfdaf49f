import { decodeInput } from '../input/decode.ts';
import { inspectDecoded, type InspectOptions } from './inspect-decoded.ts';
import type { Inspection } from './inspection.ts';

export type { InspectOptions } from './inspect-decoded.ts';

/** Decode (detecting the form), parse, model and lint one input. Throws SamlInputError when it cannot be decoded. */
export function inspect(input: string, options: InspectOptions = {}): Inspection {
  return inspectDecoded(decodeInput(input), options);
}
