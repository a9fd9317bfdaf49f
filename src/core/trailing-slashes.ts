/**
 * `text` without the slashes it ends with. A loop from the end, not `/\/+$/`: a regex engine
 * retries that pattern at every slash of a run that is followed by something else, which is
 * quadratic (40,000 slashes took seconds), and URLs here come from hostile input.
 */
export function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2f) end--;
  return end === text.length ? text : text.slice(0, end);
}
