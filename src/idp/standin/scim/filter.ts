import { ScimError } from './scim-error.ts';

/** `attrPath eq value`: the one comparison Identity Center filters allow. */
export interface EqComparison {
  /** The attribute path as written, e.g. `userName`, `emails.value`, `members`. */
  path: string;
  value: string | number | boolean | null;
}

/** A filter longer than this is refused before it is read: no real lookup needs more. */
export const MAX_FILTER_LENGTH = 4096;
export const MAX_FILTER_COMPARISONS = 20;

const AWS_FILTER_RULE =
  'IAM Identity Center supports only "eq" comparisons joined by "and" (developer guide, "Limitations from SCIM specification")';
const OTHER_OPERATORS = new Set(['ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr']);
const ATTRIBUTE_PATH = /^[A-Za-z][\w$-]*(?::[\w$.-]+)*(?:\.[A-Za-z][\w$-]*)?$/;

const invalid = (detail: string) => new ScimError(400, detail, 'invalidFilter');

/**
 * Reads `a eq "x" and b eq "y"` in one pass over the text (each character looked at a bounded
 * number of times), refusing everything else RFC 7644 §3.4.2.2 allows with the AWS rule named.
 */
export function parseEqFilter(text: string, maxLength = MAX_FILTER_LENGTH): EqComparison[] {
  if (text.length > maxLength) throw invalid(`the filter is longer than ${maxLength} characters`);
  const comparisons: EqComparison[] = [];
  // A test reading long input for linearity lifts both caps together.
  const maxComparisons = maxLength === MAX_FILTER_LENGTH ? MAX_FILTER_COMPARISONS : Infinity;
  let at = 0;

  const skipSpaces = () => {
    while (at < text.length && text[at] === ' ') at++;
  };
  /** The next run of characters up to a space, or a quoted string as written. */
  const word = (): string => {
    const start = at;
    while (at < text.length && text[at] !== ' ' && text[at] !== '"') at++;
    return text.slice(start, at);
  };

  for (;;) {
    skipSpaces();
    const path = word();
    if (!path) throw invalid(`expected an attribute name at character ${at + 1}`);
    if (/[()[\]]/.test(path))
      throw invalid(`grouping and value paths ("${path}") are not supported: ${AWS_FILTER_RULE}`);
    if (path.toLowerCase() === 'not') throw invalid(`"not" is not supported: ${AWS_FILTER_RULE}`);
    if (!ATTRIBUTE_PATH.test(path)) throw invalid(`"${path}" is not an attribute path`);
    skipSpaces();
    const operatorAt = at;
    const operator = word().toLowerCase();
    if (operator !== 'eq') {
      if (OTHER_OPERATORS.has(operator))
        throw invalid(`the operator "${operator}" is not supported: ${AWS_FILTER_RULE}`);
      throw invalid(
        `expected "eq" after "${path}" at character ${operatorAt + 1}, found "${operator}"`,
      );
    }
    skipSpaces();
    comparisons.push({ path, value: readValue() });
    if (comparisons.length > maxComparisons)
      throw invalid(`more than ${maxComparisons} comparisons`);
    skipSpaces();
    if (at >= text.length) return comparisons;
    const joinAt = at;
    const join = word().toLowerCase();
    if (join === 'or') throw invalid(`"or" is not supported: ${AWS_FILTER_RULE}`);
    if (join !== 'and')
      throw invalid(`expected "and" at character ${joinAt + 1}, found "${join || text[at]}"`);
  }

  /** A JSON string, number, true, false or null (RFC 7644's compValue). */
  function readValue(): EqComparison['value'] {
    const start = at;
    if (text[at] === '"') {
      at++;
      while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
      if (at >= text.length)
        throw invalid(`the string starting at character ${start + 1} is not closed`);
      at++;
      try {
        return JSON.parse(text.slice(start, at)) as string;
      } catch {
        throw invalid(`the string starting at character ${start + 1} is not a valid JSON string`);
      }
    }
    const literal = word();
    if (literal === 'true') return true;
    if (literal === 'false') return false;
    if (literal === 'null') return null;
    if (/^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(literal)) return Number(literal);
    throw invalid(
      literal
        ? `"${literal}" at character ${start + 1} is not a value (strings are quoted)`
        : `expected a value at character ${start + 1}`,
    );
  }
}
