import { parseFormBody, type PostedForm } from '../../core/inspect.ts';
import type { RequestBody } from '../../platform/types.ts';

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * The fields AWS reads from the POST. The browser parses small bodies into `formData`; Chrome
 * hands large ones over only as `raw` bytes, which are read as a form body.
 */
export function postedFormFrom(body: RequestBody): PostedForm | undefined {
  const first = (name: string) => body.formData?.[name]?.[0];
  let fields: (name: string) => string | undefined = first;
  if (first('SAMLResponse') === undefined) {
    if (!body.raw?.length) return undefined;
    const parsed = parseFormBody(new TextDecoder('utf-8').decode(concat(body.raw)));
    fields = (name) => parsed.get(name);
  }
  const samlResponse = fields('SAMLResponse');
  if (samlResponse === undefined) return undefined;
  const relayState = fields('RelayState');
  const roleIndex = fields('roleIndex');
  return {
    SAMLResponse: samlResponse,
    ...(relayState ? { RelayState: relayState } : {}),
    ...(roleIndex ? { roleIndex } : {}),
  };
}
