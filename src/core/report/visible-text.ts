// JSON.stringify escapes C0 controls only: C1 controls (CSI), line separators and bidi overrides too.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for a terminal line: every control, line separator and bidi override as a visible `\uXXXX`,
 * so no value from an assertion can fake a line, colour the terminal or reorder what follows.
 */
export function visibleText(value: string): string {
  return value.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A value JSON-quoted (whitespace and quotes visible) and made safe for a terminal line. */
export function quotedVisible(value: string): string {
  return visibleText(JSON.stringify(value));
}
