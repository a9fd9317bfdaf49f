import { SamlInputError } from '../errors.ts';

/** Line and column of a character, counted only when an error or problem is reported. */
export function position(xml: string, index: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = xml.indexOf('\n'); i >= 0 && i < index; i = xml.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${index - lineStart + 1}`;
}

export function fail(xml: string, index: number, what: string): never {
  throw xmlError('not-xml', xml, index, what);
}

/**
 * Like fail, for a document that runs out before what it opened is closed: what a copy that was
 * cut off looks like. The input layer says so with what it knows of the paste (parse-decoded.ts).
 */
export function failAtEnd(xml: string, index: number, what: string): never {
  throw xmlError('truncated', xml, index, what);
}

function xmlError(
  code: 'not-xml' | 'truncated',
  xml: string,
  index: number,
  what: string,
): SamlInputError {
  return new SamlInputError(
    code,
    `the SAML message is not well-formed XML: ${what} at ${position(xml, index)}`,
  );
}
