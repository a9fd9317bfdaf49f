import { quote } from '../lint/quote.ts';

const SHOWN = 10;

/** A list as messages show it: quoted values, the first ten, then how many more. */
export function listed(values: readonly string[]): string {
  if (values.length === 0) return 'none';
  const shown = values.slice(0, SHOWN).map(quote).join(', ');
  return values.length > SHOWN ? `[${shown}, and ${values.length - SHOWN} more]` : `[${shown}]`;
}
