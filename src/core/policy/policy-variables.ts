import { parseGlob, type GlobPart } from './glob.ts';

/** A key's one value, or undefined when the request has none (or several: IAM refuses lists). */
export type VariableLookup = (key: string) => string | undefined;

/** A condition value or resource after its policy variables were replaced. */
export type ResolvedValue =
  | {
      ok: true;
      /** For `...Like` and ARN operators: wildcards from the policy, the rest literal. */
      pattern: GlobPart[];
      /** For `...Equals`: the same characters with no wildcard meaning. */
      text: string;
    }
  | { ok: false; variable: string };

// A Map: `${constructor}` is a variable name, not Object.prototype's.
const ESCAPES = new Map([
  ['*', '*'],
  ['?', '?'],
  ['$', '$'],
]);
// `key` or `key, 'default'`, spaces around either ignored; '' inside the default is one quote.
const VARIABLE = /^\s*([^\s,'{}]+)\s*(?:,\s*'((?:[^']|'')*)'\s*)?$/;

/**
 * Replaces `${key}` and `${key, 'default'}` in a policy value, IAM's one pass: a value that
 * itself looks like a variable stays text, and its `*` or `?` match only themselves (a NameID of
 * `*` must not widen a `StringLike`). `${*}`, `${?}` and `${$}` are the literal characters.
 * `variables` is false for policies without "Version": "2012-10-17", where IAM reads `${...}`
 * as plain text.
 */
export function resolvePolicyValue(
  value: string,
  lookup: VariableLookup,
  variables = true,
): ResolvedValue {
  const pattern: GlobPart[] = [];
  let text = '';
  let rest = value;
  const literal = (piece: string): void => {
    if (piece === '') return;
    pattern.push({ kind: 'text', text: piece });
    text += piece;
  };
  const policyText = (piece: string): void => {
    pattern.push(...parseGlob(piece));
    text += piece;
  };
  while (variables) {
    const start = rest.indexOf('${');
    if (start < 0) break;
    const close = rest.indexOf('}', start + 2);
    if (close < 0) break;
    policyText(rest.slice(0, start));
    const inside = rest.slice(start + 2, close);
    rest = rest.slice(close + 1);
    const escape = ESCAPES.get(inside);
    if (escape !== undefined) {
      literal(escape);
      continue;
    }
    const match = VARIABLE.exec(inside);
    if (!match) {
      // Not a variable IAM would recognise: the characters stay as written.
      policyText(`\${${inside}}`);
      continue;
    }
    const [, key = '', fallback] = match;
    const found = lookup(key);
    if (found !== undefined) literal(found);
    else if (fallback !== undefined) literal(fallback.replaceAll("''", "'"));
    else return { ok: false, variable: `\${${inside.trim()}}` };
  }
  policyText(rest);
  return { ok: true, pattern, text };
}
