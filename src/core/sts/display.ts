/**
 * Characters a terminal, a shell or an editor acts on rather than shows: C0 and C1 controls (ESC
 * starts terminal escapes, CR rewrites a line), DEL, the Unicode line and paragraph separators, and
 * the bidi embedding, override and isolate controls that reorder what a reader sees.
 */
// eslint-disable-next-line no-control-regex
export const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSHOWABLE_ALL = new RegExp(UNSHOWABLE.source, 'g');

/** `U+000A` for a code point, for messages that must not show the character itself. */
export const codePointName = (char: string): string =>
  `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The text with each unshowable character written as `\n`, `\r`, `\t` or `\u001b`. */
export function escapeUnshowable(text: string): string {
  return text.replace(UNSHOWABLE_ALL, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** A value from the network, quoted for a one-line message: escaped and cut to `max` characters. */
export function quoteForDisplay(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max)}...` : value;
  return `"${escapeUnshowable(cut)}"`;
}
