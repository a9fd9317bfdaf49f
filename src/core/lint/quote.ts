const MAX_QUOTED_LENGTH = 200;

/** A value as messages show it: JSON-quoted (so whitespace and quotes are visible), cut if long. */
export function quote(value: string): string {
  const shown = value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}…` : value;
  return JSON.stringify(shown);
}
