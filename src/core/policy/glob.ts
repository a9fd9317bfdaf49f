import { findSegment, ONE, type Token } from './find-segment.ts';

/**
 * A wildcard pattern as IAM reads one: `*` matches any run of characters, `?` exactly one, and
 * everything else (including text a policy variable put there) only itself.
 */
export type GlobPart = { kind: 'any' } | { kind: 'one' } | { kind: 'text'; text: string };

/** Reads a pattern written in a policy: every `*` and `?` is a wildcard. */
export function parseGlob(pattern: string): GlobPart[] {
  const parts: GlobPart[] = [];
  let text = '';
  for (const char of pattern) {
    if (char === '*' || char === '?') {
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: char === '*' ? 'any' : 'one' });
    } else text += char;
  }
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

/**
 * Whether `text` matches the pattern. Greedy and leftmost: the part before the first `*` must
 * start the text, the part after the last `*` must end it, and each part between is taken at
 * its first place after the previous one, which is enough because a `*` can absorb anything the
 * earlier choice skipped. So no backtracking across stars (a RegExp built from the pattern
 * could take exponential time), and each part is found in one pass over the text: KMP for a
 * part without `?`, bit-parallel Shift-And for one with (`find-segment.ts`).
 */
export function globMatches(
  pattern: readonly GlobPart[],
  text: string,
  ignoreCase = false,
): boolean {
  const segments: Token[][] = [[]];
  for (const part of pattern) {
    if (part.kind === 'any') segments.push([]);
    else if (part.kind === 'one') segments[segments.length - 1]!.push(ONE);
    else segments[segments.length - 1]!.push(...codePoints(part.text, ignoreCase));
  }
  const subject = codePoints(text, ignoreCase);
  const first = segments[0]!;
  if (segments.length === 1) return first.length === subject.length && segmentAt(first, subject, 0);
  const last = segments[segments.length - 1]!;
  if (first.length + last.length > subject.length) return false;
  if (!segmentAt(first, subject, 0)) return false;
  const end = subject.length - last.length;
  if (!segmentAt(last, subject, end)) return false;
  let position = first.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    const found = findSegment(segment, subject, position, end);
    if (found < 0) return false;
    position = found + segment.length;
  }
  return true;
}

function codePoints(text: string, ignoreCase: boolean): number[] {
  const source = ignoreCase ? text.toLowerCase() : text;
  const points: number[] = [];
  for (const char of source) points.push(char.codePointAt(0)!);
  return points;
}

function segmentAt(segment: readonly Token[], subject: readonly number[], at: number): boolean {
  for (let i = 0; i < segment.length; i++) {
    const token = segment[i]!;
    if (token !== ONE && token !== subject[at + i]) return false;
  }
  return true;
}
