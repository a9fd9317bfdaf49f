import { decodeCharacterReferences } from '../encoding/entities.ts';

const INPUT_TAG = /<(input|textarea)\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(ATTRIBUTE)) {
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    attributes.set(match[1]!.toLowerCase(), decodeCharacterReferences(value));
  }
  return attributes;
}

/**
 * The form fields of an HTML page: an IdP's auto-POST page or AWS's own role-selection page.
 * Radio buttons only count when checked; textareas contribute their text.
 */
export function extractHtmlFormFields(html: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const match of html.matchAll(INPUT_TAG)) {
    const attributes = attributesOf(match[2]!);
    const name = attributes.get('name');
    if (!name || fields.has(name)) continue;
    if (match[1]!.toLowerCase() === 'textarea') {
      const start = match.index + match[0].length;
      const end = html.toLowerCase().indexOf('</textarea', start);
      fields.set(name, decodeCharacterReferences(html.slice(start, end < 0 ? undefined : end)));
      continue;
    }
    const type = (attributes.get('type') ?? 'text').toLowerCase();
    if ((type === 'radio' || type === 'checkbox') && !attributes.has('checked')) continue;
    fields.set(name, attributes.get('value') ?? '');
  }
  return fields;
}

export function looksLikeHtml(text: string): boolean {
  return /<(?:html|body|form|input|textarea)\b/i.test(text);
}
