/** A code point, or ONE for `?`: `?` matches one Unicode character, so text is code points. */
export type Token = number;
export const ONE = -1;

/**
 * The first index in [from, end - |segment|] where the segment matches `subject`, or -1.
 * One pass over the subject: O(|subject| + |segment|) by KMP when the segment has no `?`, and
 * O(|subject| x |segment| / 32) by Shift-And when it has (`?` defeats KMP's failure table).
 */
export function findSegment(
  segment: readonly Token[],
  subject: readonly number[],
  from: number,
  end: number,
): number {
  if (segment.length === 0) return from <= end ? from : -1;
  return segment.includes(ONE)
    ? shiftAnd(segment, subject, from, end)
    : knuthMorrisPratt(segment, subject, from, end);
}

function knuthMorrisPratt(
  segment: readonly number[],
  subject: readonly number[],
  from: number,
  end: number,
): number {
  // failure[i]: length of the longest proper border of segment[0..i].
  const failure = new Int32Array(segment.length);
  for (let i = 1, k = 0; i < segment.length; i++) {
    while (k > 0 && segment[i] !== segment[k]) k = failure[k - 1]!;
    if (segment[i] === segment[k]) k++;
    failure[i] = k;
  }
  for (let i = from, k = 0; i < end; i++) {
    while (k > 0 && subject[i] !== segment[k]) k = failure[k - 1]!;
    if (subject[i] === segment[k]) k++;
    if (k === segment.length) return i - segment.length + 1;
  }
  return -1;
}

function shiftAnd(
  segment: readonly Token[],
  subject: readonly number[],
  from: number,
  end: number,
): number {
  const words = Math.ceil(segment.length / 32);
  // Bit i of a character's mask: segment[i] is that character or `?`.
  const anyChar = new Uint32Array(words);
  segment.forEach((token, i) => {
    if (token === ONE) anyChar[i >>> 5]! |= 1 << (i & 31);
  });
  const masks = new Map<number, Uint32Array>();
  segment.forEach((token, i) => {
    if (token === ONE) return;
    let mask = masks.get(token);
    if (!mask) masks.set(token, (mask = Uint32Array.from(anyChar)));
    mask[i >>> 5]! |= 1 << (i & 31);
  });
  const state = new Uint32Array(words);
  const lastWord = (segment.length - 1) >>> 5;
  const lastBit = 1 << ((segment.length - 1) & 31);
  for (let i = from; i < end; i++) {
    const mask = masks.get(subject[i]!) ?? anyChar;
    // state = ((state << 1) | 1) & mask, across words.
    let carry = 1;
    for (let w = 0; w < words; w++) {
      const next = state[w]! >>> 31;
      state[w] = ((state[w]! << 1) | carry) & mask[w]!;
      carry = next;
    }
    if (state[lastWord]! & lastBit) return i - segment.length + 1;
  }
  return -1;
}
