import { decodeCharacterReferences } from '../encoding/entities.ts';

// One forward pass over the page, as an HTML tokenizer reads it: every character is looked at a
// bounded number of times, so 80,000 unclosed `<input ` tags or 20,000 textareas stay linear
// (a `<(input|textarea)\b([^>]*)>` regex rescanned to the end of the page from every tag).

// Character codes, compared directly: a regex test per character costs several times more.
const isWhitespace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
const isQuote = (c: number) => c === 34 || c === 39;
/** Ends an attribute name: whitespace, `=`, `/`, `>` or a quote. */
const endsName = (c: number) => isWhitespace(c) || c === 61 || c === 47 || c === 62 || isQuote(c);
/** Ends an unquoted attribute value: whitespace, `>` or a quote. */
const endsValue = (c: number) => isWhitespace(c) || c === 62 || isQuote(c);

/** A character that continues a tag name (what `\b` looks for after one). */
function isNameChar(c: string): boolean {
  return /^[A-Za-z0-9_]$/.test(c);
}

/** True when `html` has `word` (lower case) at `at`, in any case. */
function hasWordAt(html: string, at: number, word: string): boolean {
  return html.slice(at, at + word.length).toLowerCase() === word;
}

interface Tag {
  name: 'input' | 'textarea';
  attributes: Map<string, string>;
  /** Just after the tag's `>`. */
  end: number;
}

/**
 * The attributes of a tag whose name ends at `from`, up to its `>`. Quoted values may hold `>`;
 * undefined when the page ends inside the tag (a browser drops such a tag too).
 */
function readAttributes(
  html: string,
  from: number,
): { attributes: Map<string, string>; end: number } | undefined {
  const attributes = new Map<string, string>();
  let i = from;
  for (;;) {
    while (i < html.length && (isWhitespace(html.charCodeAt(i)) || html[i] === '/')) i++;
    if (i >= html.length) return undefined;
    if (html[i] === '>') return { attributes, end: i + 1 };
    const nameStart = i;
    while (i < html.length && !endsName(html.charCodeAt(i))) i++;
    if (i === nameStart) {
      i++; // a stray `=` or quote with no name before it
      continue;
    }
    const name = html.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < html.length && isWhitespace(html.charCodeAt(j))) j++;
    let value = '';
    if (html[j] === '=') {
      j++;
      while (j < html.length && isWhitespace(html.charCodeAt(j))) j++;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1);
        if (close < 0) return undefined;
        value = html.slice(j + 1, close);
        i = close + 1;
      } else {
        const valueStart = j;
        while (j < html.length && !endsValue(html.charCodeAt(j))) j++;
        value = html.slice(valueStart, j);
        i = j;
      }
    }
    // The first of two same-named attributes counts, as in a browser.
    if (!attributes.has(name)) attributes.set(name, decodeCharacterReferences(value));
  }
}

/** Where the textarea text that starts at `from` ends: at `</textarea`, in any case, or the page's end. */
function textareaEnd(html: string, from: number): number {
  for (let at = html.indexOf('</', from); at >= 0; at = html.indexOf('</', at + 2)) {
    if (hasWordAt(html, at + 2, 'textarea') && !isNameChar(html[at + 10] ?? '')) return at;
  }
  return html.length;
}

/** The next `<input` or `<textarea` tag at or after `from`, if the page has one. */
function nextFieldTag(html: string, from: number): Tag | undefined {
  for (let lt = html.indexOf('<', from); lt >= 0; lt = html.indexOf('<', lt + 1)) {
    const name = hasWordAt(html, lt + 1, 'input')
      ? 'input'
      : hasWordAt(html, lt + 1, 'textarea')
        ? 'textarea'
        : undefined;
    const nameEnd = lt + 1 + (name?.length ?? 0);
    if (!name || isNameChar(html[nameEnd] ?? '')) continue;
    const read = readAttributes(html, nameEnd);
    return read && { name, ...read };
  }
  return undefined;
}

/**
 * The form fields of an HTML page: an IdP's auto-POST page or AWS's own role-selection page.
 * Radio buttons only count when checked; textareas contribute their text.
 */
export function extractHtmlFormFields(html: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (let tag = nextFieldTag(html, 0); tag;) {
    const name = tag.attributes.get('name');
    let next = tag.end;
    if (tag.name === 'textarea') {
      // Textarea text is raw text, never tags: the scan resumes after it, so it is read once.
      const end = textareaEnd(html, tag.end);
      if (name && !fields.has(name))
        fields.set(name, decodeCharacterReferences(html.slice(tag.end, end)));
      next = end;
    } else if (name && !fields.has(name)) {
      const type = (tag.attributes.get('type') ?? 'text').toLowerCase();
      if ((type !== 'radio' && type !== 'checkbox') || tag.attributes.has('checked'))
        fields.set(name, tag.attributes.get('value') ?? '');
    }
    tag = nextFieldTag(html, next);
  }
  return fields;
}

export function looksLikeHtml(text: string): boolean {
  return /<(?:html|body|form|input|textarea)\b/i.test(text);
}
