import { parseFormBody } from './form-body.ts';

// `SAMLResponse=` inside other text: an HTTP request copied from devtools, a curl command's
// --data, a fetch() call. The value runs to the next field, whitespace or quote.
const EMBEDDED_BODY = /(?:^|[\s?&'"])(SAML(?:Response|Request)=[^\s'"]*)/;

/** Form fields found in a copied HTTP request or command line, if there are any. */
export function findEmbeddedFormBody(text: string): Map<string, string> | undefined {
  // A fast substring check first: plain base64 (the common case) is never scanned by the pattern.
  if (!text.includes('SAMLResponse=') && !text.includes('SAMLRequest=')) return undefined;
  const match = EMBEDDED_BODY.exec(text);
  if (!match) return undefined;
  // The body may start with other fields (RelayState=...&SAMLResponse=...): take the whole run.
  const start = match.index + match[0].length - match[1]!.length;
  let from = start;
  while (from > 0 && !/[\s?'"]/.test(text[from - 1]!)) from--;
  return parseFormBody(text.slice(from, start + match[1]!.length));
}

/**
 * Form fields in JSON: a HAR file (`postData.params` as {name, value}, or `postData.text` as a
 * form body), or any object with a `SAMLResponse` string (`samlResponse` in this tool's own
 * report). Undefined when the text is not JSON.
 */
export function findJsonFields(text: string): Map<string, string> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const fields = new Map<string, string>();
  const visit = (node: unknown, depth: number): void => {
    if (depth > 32 || node === null || typeof node !== 'object') {
      if (typeof node === 'string' && /(?:^|&)SAMLResponse=/.test(node)) {
        for (const [name, field] of parseFormBody(node))
          if (!fields.has(name)) fields.set(name, field);
      }
      return;
    }
    if (Array.isArray(node)) return node.forEach((item) => visit(item, depth + 1));
    const record = node as Record<string, unknown>;
    if (
      typeof record['name'] === 'string' &&
      typeof record['value'] === 'string' &&
      !fields.has(record['name'])
    ) {
      fields.set(record['name'], record['value']);
    }
    for (const [key, item] of Object.entries(record)) {
      // This tool's own JSON report names the raw value samlResponse (Copy JSON, --json --raw).
      const field = key === 'samlResponse' ? 'SAMLResponse' : key;
      if (
        typeof item === 'string' &&
        /^(SAMLResponse|SAMLRequest|RelayState|roleIndex)$/.test(field) &&
        !fields.has(field)
      ) {
        fields.set(field, item);
      } else visit(item, depth + 1);
    }
  };
  visit(value, 0);
  return fields;
}
