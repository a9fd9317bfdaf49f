import { codePointName, UNSHOWABLE } from './display.ts';

/** A value an output format cannot hold safely; the message names the format and the field. */
export class UnsafeOutputError extends Error {
  override readonly name = 'UnsafeOutputError';
}

export function isUnsafeOutputError(error: unknown): error is UnsafeOutputError {
  return error instanceof UnsafeOutputError;
}

/**
 * Throws unless `value` holds only characters every output can carry: no control character
 * could end a quoted shell value's line, start a terminal escape or a new INI line. The
 * response reader already refuses such values; this keeps each formatter safe on its own.
 */
export function assertShowable(format: string, field: string, value: string): void {
  const bad = UNSHOWABLE.exec(value);
  if (bad)
    throw new UnsafeOutputError(
      `${format} output: ${field} holds ${codePointName(bad[0])} at character ${bad.index + 1}, which ${format} output cannot hold safely`,
    );
}

// Readers of ~/.aws/credentials differ on inline comments (`;`, `#`) and trim the ends.
const INI_UNSAFE = /[;#]/;

/** An INI value is written bare: it must survive every reader unchanged. */
export function assertIniValue(field: string, value: string): void {
  assertShowable('ini', field, value);
  const problem =
    value === ''
      ? 'is empty'
      : value !== value.trim()
        ? 'starts or ends with a space'
        : INI_UNSAFE.test(value)
          ? `holds ${JSON.stringify(INI_UNSAFE.exec(value)![0])}, which some readers take for a comment`
          : undefined;
  if (problem) throw new UnsafeOutputError(`ini output: ${field} ${problem}`);
}

/** A section name must stay one `[name]` header. */
export function assertIniSection(name: string): void {
  assertIniValue('profile name', name);
  if (/[[\]]/.test(name))
    throw new UnsafeOutputError(
      `ini output: profile name holds a bracket, which ends the section header`,
    );
}
