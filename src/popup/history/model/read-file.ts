import { INPUT_LIMITS, inspect, isSamlInputError, type Inspection } from '../../../core/inspect.ts';

/** A chosen or dropped file, as much of it as this needs (a test hands in its own). */
export interface FileLike {
  name: string;
  size: number;
  text(): Promise<string>;
}

export type FileInspection = { ok: true; inspection: Inspection } | { ok: false; error: string };

/**
 * Reads a file holding a SAMLResponse in any form the core decodes, in memory only: its bytes go
 * nowhere else. A UTF-8 character is at least one byte, so a file over the core's character limit
 * times four cannot fit; it is refused before being read, not after.
 */
export async function inspectFile(file: FileLike, now: Date): Promise<FileInspection> {
  const maxBytes = INPUT_LIMITS.maxInputChars * 4;
  if (file.size > maxBytes)
    return {
      ok: false,
      error: `${file.name}: ${file.size} bytes is more than a SAML response can be (at most ${maxBytes}).`,
    };
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, error: `${file.name}: could not be read: ${String(error)}` };
  }
  try {
    return { ok: true, inspection: inspect(text, { now }) };
  } catch (error) {
    const message = isSamlInputError(error)
      ? error.message
      : `the core failed: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, error: `${file.name}: cannot decode: ${message}` };
  }
}
