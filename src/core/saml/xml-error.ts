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
  throw new SamlInputError(
    'not-xml',
    `the SAML message is not well-formed XML: ${what} at ${position(xml, index)}`,
  );
}
