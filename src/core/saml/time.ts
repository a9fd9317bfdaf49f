import type { SamlMessage } from './model.ts';

// SAML's xs:dateTime as IdPs send it; always UTC in practice, but offsets are legal.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Parses an xs:dateTime strictly; undefined when it is not one. */
export function parseSamlInstant(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!INSTANT.test(trimmed)) return undefined;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** When AWS stops accepting the assertion: the earliest of the two NotOnOrAfter limits. */
export function expiresAt(saml: SamlMessage): Date | undefined {
  const limits = [
    parseSamlInstant(saml.notOnOrAfter),
    parseSamlInstant(saml.subjectNotOnOrAfter),
  ].filter((date): date is Date => date !== undefined);
  if (limits.length === 0) return undefined;
  return new Date(Math.min(...limits.map((date) => date.getTime())));
}
